/**
 * Features of a dump's lines for the line classifier: the shape of each line (length, shares of
 * letters, digits, punctuation and capitals, end punctuation, the marks dumpers leave), where it
 * stands (relative position, distance to the longest run of prose), its neighbours' shapes, how
 * often it recurs in the dump, whether it sits in a list of short lines, its share of function
 * words, and whether it is a date line. None of them names an outlet.
 */
import { normaliseLine, splitLines } from '../lines.js';
import { findDates, parseDateLine } from '../metadata/index.js';

/** A non-blank line of a dump, as the classifier sees it. */
export interface DumpLine {
  /** Index in `splitLines(raw)`. */
  index: number;
  /** Normalised text. */
  text: string;
  /** The raw line (indentation and marks kept). */
  raw: string;
  /** Blank lines just before it. */
  blanksBefore: number;
}

/** The non-blank lines of a dump, in order. */
export function dumpLines(raw: string): DumpLine[] {
  const lines: DumpLine[] = [];
  let blanks = 0;
  for (const line of splitLines(raw)) {
    const text = normaliseLine(line.text);
    if (!text) {
      blanks++;
      continue;
    }
    lines.push({ index: line.index, text, raw: line.text, blanksBefore: blanks });
    blanks = 0;
  }
  return lines;
}

interface Shape {
  words: number;
  chars: number;
  letters: number;
  digits: number;
  punct: number;
  upper: number;
  /** Words starting with a capital letter. */
  capitalWords: number;
  /** Lowercase words of up to three letters or in the function-word list: prose has many. */
  functionWords: number;
  end: string;
  mark: string;
  indent: number;
  prose: boolean;
  coarse: string;
}

/** Dumper marks that open a line: bullets, list letters, brackets, numbering. */
const MARKS: [RegExp, string][] = [
  [/^\s*[•·▪◦●■]\s/u, 'dot'],
  [/^\s*\*{3,}/u, 'stars'],
  [/^\s*\*\s/u, 'star'],
  [/^\s*o\s/u, 'o'],
  [/^\s*\+\s/u, 'plus'],
  [/^\s*[-–—]\s/u, 'dash'],
  [/^\s*\d{1,3}[.)]\s/u, 'num'],
  [/^\s*\[/u, 'bracket'],
  [/^\s*[|>]/u, 'pipe'],
];

const SENTENCE_END = /[.!?。！？]["'”’»)\]]*$/u;
/** Scripts written without spaces between words: about two characters make a word. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu;

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
const DIGIT = /\p{N}/u;
/** Spaces and combining marks: neither letters nor punctuation. */
const SPACE_OR_MARK = /[\s\p{M}]/u;

/** Letters, capitals, digits and punctuation of a line; ASCII is classed by code, the rest by Unicode property. */
function characterCounts(text: string): { letters: number; upper: number; digits: number; punct: number } {
  let letters = 0;
  let upper = 0;
  let digits = 0;
  let punct = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) {
        letters++;
        if (code <= 90) upper++;
      } else if (code >= 48 && code <= 57) digits++;
      else if (code !== 32) punct++;
      continue;
    }
    // Surrogate pairs (rare in text) count as one character of their class, read from the pair.
    const ch = code >= 0xd800 && code <= 0xdbff ? text.slice(i, ++i + 1) : (text[i] as string);
    if (LETTER.test(ch)) {
      letters++;
      if (UPPER.test(ch)) upper++;
    } else if (DIGIT.test(ch)) digits++;
    else if (!SPACE_OR_MARK.test(ch)) punct++;
  }
  return { letters, upper, digits, punct };
}

function shapeOf(line: DumpLine, functionWords: ReadonlySet<string>): Shape {
  const text = line.text;
  const { letters, upper, digits, punct } = characterCounts(text);
  const tokens = text.split(' ');
  let capitalWords = 0;
  let functional = 0;
  for (const token of tokens) {
    if (/^\p{Lu}/u.test(token)) capitalWords++;
    const lower = token.toLowerCase();
    if (functionWords.has(lower) || (/^\p{Ll}{1,3}$/u.test(token) && token === lower)) functional++;
  }
  const last = text.replace(/["'”’»)\]]+$/u, '').slice(-1);
  const end = /[.!?:;,]/.test(last)
    ? last
    : /[。！？]/u.test(last)
      ? '.'
      : /[，、：；]/u.test(last)
        ? ','
        : /\p{L}/u.test(last)
          ? 'L'
          : /\p{N}/u.test(last)
            ? 'N'
            : 'other';
  const mark = MARKS.find(([pattern]) => pattern.test(line.raw))?.[1] ?? 'none';
  const indent = /^\s*/.exec(line.raw)?.[0].length ?? 0;
  const words = tokens.length + Math.floor((text.match(UNSPACED)?.length ?? 0) / 2);
  const prose = words >= 12 && SENTENCE_END.test(text);
  const coarse = `${words <= 3 ? 's' : words <= 10 ? 'm' : words <= 30 ? 'l' : 'x'}${end === '.' || end === '!' || end === '?' ? 'p' : 'n'}${mark === 'none' ? '' : 'b'}`;
  return {
    words,
    chars: text.length,
    letters,
    digits,
    punct,
    upper,
    capitalWords,
    functionWords: functional,
    end,
    mark,
    indent,
    prose,
    coarse,
  };
}

function bucket(value: number, edges: readonly number[]): number {
  let k = 0;
  while (k < edges.length && value >= (edges[k] as number)) k++;
  return k;
}

const SHARE = [0.05, 0.15, 0.3, 0.5, 0.7, 0.85, 0.95];

/** The span of lines holding the most words of prose, allowing short lines (subheads, captions) inside it. */
function longestProseRun(shapes: readonly Shape[]): [number, number] {
  let best: [number, number] = [-1, -1];
  let bestWords = 0;
  let start = -1;
  let words = 0;
  let gap = 0;
  let lastProse = -1;
  for (let k = 0; k < shapes.length; k++) {
    const shape = shapes[k] as Shape;
    if (shape.prose) {
      if (start < 0) start = k;
      words += shape.words;
      gap = 0;
      lastProse = k;
      if (words > bestWords) {
        bestWords = words;
        best = [start, lastProse];
      }
    } else if (start >= 0 && ++gap > 3) {
      start = -1;
      words = 0;
      gap = 0;
    }
  }
  return best;
}

/** Features of every line of a dump (`dumpLines`), each a list of feature names. */
export function lineFeatures(lines: readonly DumpLine[], functionWords: ReadonlySet<string>): string[][] {
  const n = lines.length;
  const shapes = lines.map((line) => shapeOf(line, functionWords));
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line.text, (counts.get(line.text) ?? 0) + 1);
  const [runStart, runEnd] = longestProseRun(shapes);
  // Runs of short lines (menus, link lists): the size of the block of lines with at most four words.
  const block = new Int32Array(n);
  for (let k = 0; k < n; ) {
    let j = k;
    while (j < n && (shapes[j] as Shape).words <= 4) j++;
    for (let m = k; m < j; m++) block[m] = j - k;
    k = j > k ? j : k + 1;
  }
  const longest = Math.max(1, ...shapes.map((shape) => shape.words));
  const features: string[][] = [];
  for (let k = 0; k < n; k++) {
    const line = lines[k] as DumpLine;
    const shape = shapes[k] as Shape;
    const letters = Math.max(1, shape.letters);
    const own: string[] = [
      'bias',
      `w${bucket(shape.words, [2, 3, 4, 6, 9, 13, 20, 30, 50, 90])}`,
      `c${bucket(shape.chars, [8, 16, 32, 64, 128, 256, 512])}`,
      `let${bucket(shape.letters / Math.max(1, shape.chars), SHARE)}`,
      `dig${bucket(shape.digits / Math.max(1, shape.chars), SHARE)}`,
      `pun${bucket(shape.punct / Math.max(1, shape.chars), SHARE)}`,
      `up${bucket(shape.upper / letters, SHARE)}`,
      `cw${bucket(shape.capitalWords / shape.words, SHARE)}`,
      `fw${bucket(shape.functionWords / shape.words, SHARE)}`,
      `end${shape.end}`,
      `mark${shape.mark}`,
      `ind${bucket(shape.indent, [1, 3, 5, 9])}`,
      `gap${Math.min(line.blanksBefore, 2)}`,
      `pos${Math.floor((10 * k) / Math.max(1, n))}`,
      `rep${bucket(counts.get(line.text) ?? 1, [2, 3, 5])}`,
      `blk${bucket(block[k] as number, [1, 2, 4, 8, 16])}`,
      `end${shape.end}_w${bucket(shape.words, [4, 10, 20])}`,
      `run${relativeToRun(k, runStart, runEnd)}`,
    ];
    // Conjunctions a linear model cannot form itself: a long line near the prose is body, a long one far from it a comment.
    const size = shape.words <= 4 ? 's' : shape.words <= 12 ? 'm' : shape.words <= 30 ? 'l' : 'x';
    own.push(
      `run${relativeToRun(k, runStart, runEnd)}_${size}`,
      `fw${bucket(shape.functionWords / shape.words, [0.2, 0.35, 0.5])}_${size}`,
      `pos${Math.floor((5 * k) / Math.max(1, n))}_${size}`,
      `rel${bucket(shape.words / longest, [0.1, 0.25, 0.5, 0.8])}`,
      `${shape.coarse}_gap${Math.min(line.blanksBefore, 1)}`,
    );
    if (k === 0) own.push('first');
    if (k === n - 1) own.push('last');
    if (/^[\p{Lu}\p{N}"“‘']/u.test(line.text)) own.push('capStart');
    if (/[_]/.test(line.text)) own.push('underscore');
    if (/\[[^\]]*\]/.test(line.text)) own.push('brackets');
    if (/https?:\/\/|www\.|\.(?:com|org|net)\b/i.test(line.text)) own.push('url');
    if (/[|»›/]\s/.test(line.text) && shape.words <= 12) own.push('separator');
    if (/©|\(c\)/i.test(line.text)) own.push('copyright');
    // A date has a digit (its day or year) in every form the date finder reads.
    if (shape.words <= 14 && shape.digits > 0) {
      if (parseDateLine(line.text)) own.push('dateLine');
      else if (findDates(line.text).length > 0) own.push('hasDate');
    }
    if (shape.words <= 4) own.push(`lw:${line.text.toLowerCase().slice(0, 40)}`);
    // The words of short and middling lines: cookie, subscribe, newsletter, share mark boilerplate in any outlet.
    if (shape.words <= 25)
      for (const word of line.text
        .toLowerCase()
        .match(/\p{L}{3,}/gu)
        ?.slice(0, 12) ?? [])
        own.push(`bw:${word}`);
    if (shape.words <= 12) own.push(`fw:${(line.text.split(' ')[0] ?? '').toLowerCase().slice(0, 20)}`);
    for (const [offset, name] of [
      [-1, 'p'],
      [1, 'n'],
      [-2, 'pp'],
      [2, 'nn'],
    ] as const) {
      const other = shapes[k + offset];
      own.push(other ? `${name}:${other.coarse}` : `${name}:none`);
    }
    const prev = shapes[k - 1];
    const next = shapes[k + 1];
    own.push(`ctx:${prev?.coarse ?? '^'}|${shape.coarse}|${next?.coarse ?? '$'}`);
    features.push(own);
  }
  return features;
}

/** Before, inside or after the longest prose run, and how far (in lines, bucketed). */
function relativeToRun(k: number, start: number, end: number): string {
  if (start < 0) return 'none';
  if (k < start) return `b${bucket(start - k, [2, 3, 5, 10, 30])}`;
  if (k > end) return `a${bucket(k - end, [2, 3, 5, 10, 30])}`;
  return 'in';
}
