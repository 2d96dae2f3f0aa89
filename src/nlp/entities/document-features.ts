/**
 * Features from the rest of the document: whether a capitalised word also appears lower-case, or
 * capitalised away from a sentence start. They disambiguate sentence-initial words and all-caps
 * headlines, where the word's own case says nothing.
 */
import { normaliseWord } from './features.js';

export interface DocumentStats {
  lowerSeen: Set<string>;
  capitalisedMidSentence: Set<string>;
}

export function collectDocumentStats(sentences: readonly (readonly string[])[]): DocumentStats {
  const lowerSeen = new Set<string>();
  const capitalisedMidSentence = new Set<string>();
  for (const words of sentences) {
    const headline = !words.some((word) => /[a-z]/.test(word));
    words.forEach((word, i) => {
      const first = word[0] as string;
      const key = normaliseWord(word).toLowerCase();
      if (/\p{Ll}/u.test(first)) lowerSeen.add(key);
      else if (i > 0 && !headline && /\p{Lu}/u.test(first)) capitalisedMidSentence.add(key);
    });
  }
  return { lowerSeen, capitalisedMidSentence };
}

export function documentFeatures(stats: DocumentStats, words: readonly string[]): string[][] {
  return words.map((word) => {
    if (!/^\p{Lu}/u.test(word)) return [];
    const key = normaliseWord(word).toLowerCase();
    const features: string[] = [];
    if (stats.lowerSeen.has(key)) features.push('d:low');
    if (stats.capitalisedMidSentence.has(key)) features.push('d:capmid');
    return features;
  });
}

/** Both documents' stats as one: a headline's words seen in the light of its text. */
export function mergeDocumentStats(a: DocumentStats, b: DocumentStats): DocumentStats {
  return {
    lowerSeen: new Set([...a.lowerSeen, ...b.lowerSeen]),
    capitalisedMidSentence: new Set([...a.capitalisedMidSentence, ...b.capitalisedMidSentence]),
  };
}
