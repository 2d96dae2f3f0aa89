/**
 * Figures: a number (digits, words, scale words, or a vague quantity such as `dozens of`) and the noun
 * phrase it counts, read up to the first function word: `some 2,500 US troops` → 2500 `US troops`.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../../resources/index.js';

export interface FiguresLexicon {
  numbers: Record<string, number>;
  scales: Record<string, number>;
  vague: Record<string, number>;
  hedges: string[];
  stopWords: string[];
}

export interface FigureFinding {
  start: number;
  end: number;
  value: number;
  unit: string;
  /** The hedge or vague quantity that makes the value approximate (`some`, `dozens of`). */
  approximate?: string;
}

const LEXICON_PATH = dataPath('figures/lexicon.json');

export function loadFiguresLexicon(path = LEXICON_PATH): FiguresLexicon {
  return JSON.parse(readFileSync(path, 'utf8')) as FiguresLexicon;
}

const escapeWord = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const words = (list: Iterable<string>) =>
  [...list]
    .sort((a, b) => b.length - a.length)
    .map(escapeWord)
    .join('|');

export interface FigureFinder {
  find(text: string, skip?: readonly { start: number; end: number }[]): FigureFinding[];
}

export function createFigureFinder(lexicon: FiguresLexicon = loadFiguresLexicon()): FigureFinder {
  const stop = new Set(lexicon.stopWords);
  const numberSet = new Set([...Object.keys(lexicon.numbers), ...Object.keys(lexicon.scales)]);
  const numberWords = words(Object.keys(lexicon.numbers));
  const pattern = new RegExp(
    `(?<![\\w$.,:/-])(?:(${words(lexicon.hedges)})\\s+)?(?:(${words(Object.keys(lexicon.vague))})|(\\$|US\\$|€|£)?(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:\\s+(${words(Object.keys(lexicon.scales))}))?(%| percent\\b)?|((?:${numberWords})(?:[\\s-](?:one|two|three|four|five|six|seven|eight|nine))?)(?:\\s+(${words(Object.keys(lexicon.scales))}))?)(?![\\w:]|[.,]\\d)`,
    'gi',
  );
  return {
    find(text, skip = []) {
      const findings: FigureFinding[] = [];
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        const start = match.index;
        let end = start + match[0].length;
        if (skip.some((range) => range.start < end && start < range.end)) continue;
        const [, hedge, vague, currency, digits, digitScale, percent, wordNumber, wordScale] = match;
        let value: number;
        if (vague) value = lexicon.vague[vague.toLowerCase().replace(/\s+/g, ' ')] ?? 0;
        else if (digits)
          value = Number(digits.replace(/,/g, '')) * (digitScale ? (lexicon.scales[digitScale.toLowerCase()] ?? 1) : 1);
        else
          value =
            readWordNumber(wordNumber ?? '', lexicon) *
            (wordScale ? (lexicon.scales[wordScale.toLowerCase()] ?? 1) : 1);
        if (!Number.isFinite(value) || value === 0) continue;
        let unit: string;
        if (percent) unit = 'percent';
        else if (currency) unit = currency === '€' ? 'euros' : currency === '£' ? 'pounds' : 'US dollars';
        else {
          const phrase = readCountedPhrase(text, end, stop, numberSet);
          if (!phrase) continue;
          unit = phrase.unit;
          end = phrase.end;
        }
        // A bare word number with no noun after it (`one of them`) is not a figure.
        if (wordNumber && !wordScale && (unit === '' || value === 1)) continue;
        const finding: FigureFinding = { start, end, value, unit };
        const approximate = vague ?? hedge;
        if (approximate) finding.approximate = approximate.toLowerCase();
        findings.push(finding);
      }
      return findings;
    },
  };
}

function readWordNumber(text: string, lexicon: FiguresLexicon): number {
  const clean = text.toLowerCase().replace(/\s+/g, ' ');
  if (lexicon.numbers[clean] !== undefined) return lexicon.numbers[clean] as number;
  return clean.split(/[\s-]/).reduce((sum, word) => sum + (lexicon.numbers[word] ?? 0), 0);
}

/** The counted noun phrase after a number: up to five words, `and` only between two content words. */
function readCountedPhrase(
  text: string,
  from: number,
  stop: Set<string>,
  numberWords: Set<string>,
): { unit: string; end: number } | undefined {
  const wordPattern = /\s+([\p{L}][\p{L}’'-]*)/uy;
  let position = from;
  const taken: { word: string; end: number }[] = [];
  while (taken.length < 5) {
    wordPattern.lastIndex = position;
    const match = wordPattern.exec(text);
    if (!match) break;
    const word = match[1] as string;
    const lower = word.toLowerCase();
    if (lower === 'and' && taken.length > 0) {
      wordPattern.lastIndex = match.index + match[0].length;
      const next = wordPattern.exec(text);
      if (next && !stop.has((next[1] as string).toLowerCase())) {
        taken.push({ word, end: match.index + match[0].length });
        position = match.index + match[0].length;
        continue;
      }
      break;
    }
    if (stop.has(lower) || numberWords.has(lower)) break;
    // A participle or gerund after the noun starts a clause (`400 events scheduled`, `one point pushing`).
    if (taken.length > 0 && /^[a-z]+(?:ed|ing)$/.test(word)) break;
    taken.push({ word, end: match.index + match[0].length });
    position = match.index + match[0].length;
  }
  while (taken.length > 0 && (taken[taken.length - 1] as { word: string }).word.toLowerCase() === 'and') taken.pop();
  if (taken.length === 0) return undefined;
  return { unit: taken.map((item) => item.word).join(' '), end: (taken[taken.length - 1] as { end: number }).end };
}
