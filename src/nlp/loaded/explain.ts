import type { FeatureExtractor } from './features.js';
import type { FramingLexicons } from './lexicons.js';
import type { WordToken } from './tokenize.js';

/**
 * A short reason a reader understands. For word-level techniques the most telling word decides it
 * (a listed loaded term, else a strongly valenced word); otherwise the technique's own description.
 */
export function explainFinding(
  technique: string,
  words: readonly WordToken[],
  lexicons: FramingLexicons,
  extractor: FeatureExtractor,
): string {
  const wordLevel = technique === 'Loaded_Language' || technique === 'Name_Calling,Labeling';
  if (wordLevel) {
    for (const word of words) {
      const category = extractor.word(word.text).category;
      const text = category ? lexicons.explanations.categories[category] : undefined;
      if (text) return text;
    }
    let strongest = 0;
    for (const word of words) {
      const valence = lexicons.valence.get(word.text.toLowerCase()) ?? 0;
      if (Math.abs(valence) > Math.abs(strongest)) strongest = valence;
    }
    if (strongest <= -2) return lexicons.explanations.valence.negative;
    if (strongest >= 2) return lexicons.explanations.valence.positive;
  }
  return lexicons.explanations.techniques[technique] ?? 'persuasive wording';
}
