/**
 * Features from the rest of the document: whether a capitalised word also appears lower-case, or
 * capitalised away from a sentence start, and how the document writes it elsewhere: after a form of
 * address (`Mr Crosby`), or at the end or the start of a run of capitalised words (`Alan Shearer`,
 * `Deutsche Bank`). They disambiguate sentence-initial words and all-caps headlines, where the word's
 * own case says nothing, and a lone word the document never writes as part of a person's name
 * (`Monsanto said`), which news from a training set of people's surnames would call a person.
 */
import { normaliseWord } from './features.js';

export interface DocumentStats {
  lowerSeen: Set<string>;
  capitalisedMidSentence: Set<string>;
  /** Words written right after a form of address (`Mr`, `Dr`): surnames. */
  addressed: Set<string>;
  /** Words written last in a run of two or more capitalised words. */
  runEnds: Set<string>;
  /** Words written first in a run of two or more capitalised words. */
  runStarts: Set<string>;
}

/**
 * Forms of address written before a surname. A fixed set, not data/entities/honorifics.txt: the
 * model's weights mean what these features meant in training, whatever the curated lists become.
 */
const FORMS_OF_ADDRESS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'mr.', 'mrs.', 'ms.', 'dr.', 'sir', 'dame', 'prof']);

const CAPITALISED = /^\p{Lu}/u;

export function collectDocumentStats(sentences: readonly (readonly string[])[]): DocumentStats {
  const stats: DocumentStats = {
    lowerSeen: new Set<string>(),
    capitalisedMidSentence: new Set<string>(),
    addressed: new Set<string>(),
    runEnds: new Set<string>(),
    runStarts: new Set<string>(),
  };
  for (const words of sentences) {
    const headline = !words.some((word) => /[a-z]/.test(word));
    const keys = words.map((word) => normaliseWord(word).toLowerCase());
    words.forEach((word, i) => {
      const first = word[0] as string;
      const key = keys[i] as string;
      if (/\p{Ll}/u.test(first)) stats.lowerSeen.add(key);
      else if (i > 0 && !headline && /\p{Lu}/u.test(first)) stats.capitalisedMidSentence.add(key);
      if (headline || i === 0 || !CAPITALISED.test(word)) return;
      const before = words[i - 1] as string;
      if (FORMS_OF_ADDRESS.has(keys[i - 1] as string)) stats.addressed.add(key);
      else if (CAPITALISED.test(before)) {
        stats.runEnds.add(key);
        stats.runStarts.add(keys[i - 1] as string);
      }
    });
  }
  return stats;
}

export function documentFeatures(stats: DocumentStats, words: readonly string[]): string[][] {
  return words.map((word) => {
    if (!/^\p{Lu}/u.test(word)) return [];
    const key = normaliseWord(word).toLowerCase();
    const features: string[] = [];
    if (stats.lowerSeen.has(key)) features.push('d:low');
    if (stats.capitalisedMidSentence.has(key)) features.push('d:capmid');
    if (stats.addressed.has(key)) features.push('d:addressed');
    if (stats.runEnds.has(key)) features.push('d:runend');
    if (stats.runStarts.has(key)) features.push('d:runstart');
    if (!stats.addressed.has(key) && !stats.runEnds.has(key) && !stats.runStarts.has(key)) features.push('d:alone');
    return features;
  });
}

/** Both documents' stats as one: a headline's words seen in the light of its text. */
export function mergeDocumentStats(a: DocumentStats, b: DocumentStats): DocumentStats {
  const union = (name: keyof DocumentStats) => new Set([...a[name], ...b[name]]);
  return {
    lowerSeen: union('lowerSeen'),
    capitalisedMidSentence: union('capitalisedMidSentence'),
    addressed: union('addressed'),
    runEnds: union('runEnds'),
    runStarts: union('runStarts'),
  };
}
