/**
 * Feature templates of the tagger: word forms, shapes, affixes and a context window, computed per
 * sentence. `extra` carries features that need more than the sentence (gazetteers, the document).
 */

/** Curly quotes and apostrophes read as straight ones, so `Asa’ib` and `Asa'ib` share weights. */
export function normaliseWord(word: string): string {
  return word.replace(/[\u2018\u2019\u02bc`]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

export function wordShape(word: string): string {
  let shape = '';
  for (const char of word) {
    if (char >= 'A' && char <= 'Z') shape += 'X';
    else if (char >= 'a' && char <= 'z') shape += 'x';
    else if (char >= '0' && char <= '9') shape += 'd';
    else if (char.toLowerCase() !== char.toUpperCase()) shape += char === char.toUpperCase() ? 'X' : 'x';
    else shape += char;
    if (shape.length >= 12) break;
  }
  return shape;
}

/** The shape with runs collapsed: `Xxxxx` → `Xx`, `al-Kaabi` → `x-Xx`. */
export function shortShape(shape: string): string {
  let short = '';
  for (const char of shape) if (short[short.length - 1] !== char) short += char;
  return short;
}

interface TokenView {
  lower: string;
  shape: string;
  short: string;
}

const PAD_START: TokenView = { lower: '<s>', shape: '<s>', short: '<s>' };
const PAD_END: TokenView = { lower: '</s>', shape: '</s>', short: '</s>' };

function viewWord(word: string): TokenView {
  const normal = normaliseWord(word);
  const shape = wordShape(normal);
  return { lower: normal.toLowerCase().replace(/\d/g, '0'), shape, short: shortShape(shape) };
}

/** Feature strings for every token of one sentence. */
export function sentenceFeatures(words: readonly string[], extra?: readonly (readonly string[])[]): string[][] {
  const views = words.map(viewWord);
  const at = (i: number) => (i < 0 ? PAD_START : i >= views.length ? PAD_END : (views[i] as TokenView));
  const headline = !words.some((word) => /[a-z]/.test(word));
  return words.map((word, i) => {
    const cur = at(i);
    const prev = at(i - 1);
    const next = at(i + 1);
    const prev2 = at(i - 2);
    const next2 = at(i + 2);
    const lower = cur.lower;
    const features = [
      'b',
      `w=${lower}`,
      `s=${cur.shape}`,
      `ss=${cur.short}`,
      `w-1=${prev.lower}`,
      `w+1=${next.lower}`,
      `w-2=${prev2.lower}`,
      `w+2=${next2.lower}`,
      `ss-1=${prev.short}`,
      `ss+1=${next.short}`,
      `w-1w=${prev.lower}|${lower}`,
      `ww+1=${lower}|${next.lower}`,
      `ss-1ss=${prev.short}|${cur.short}`,
      `ssss+1=${cur.short}|${next.short}`,
      `ss-1ssss+1=${prev.short}|${cur.short}|${next.short}`,
      `w-1ss=${prev.lower}|${cur.short}`,
      `ssw+1=${cur.short}|${next.lower}`,
    ];
    const normal = normaliseWord(word);
    if (normal !== lower) features.push(`W=${normal}`);
    for (let k = 1; k <= 4 && k < lower.length; k++) {
      features.push(`p${k}=${lower.slice(0, k)}`, `x${k}=${lower.slice(-k)}`);
    }
    if (i === 0) features.push(`first|${cur.short}`);
    if (headline) features.push(`head|${cur.short}`, `head|w=${lower}`);
    if (lower.includes('-') && lower.length > 1) {
      for (const part of lower.split('-')) if (part) features.push(`hp=${part}`);
    }
    const more = extra?.[i];
    if (more) for (const feature of more) features.push(feature);
    return features;
  });
}
