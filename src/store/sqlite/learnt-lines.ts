import { normaliseLine } from '../../clean/index.js';

/**
 * Lines worth counting across an outlet's documents: short, not a sentence of reporting (no
 * quotation marks), and distinct within the document. A line seen in many documents of one outlet
 * is boilerplate whatever its words.
 */
export function boilerplateCandidates(raw: string): Set<string> {
  const lines = new Set<string>();
  for (const line of raw.split('\n')) {
    const text = normaliseLine(line);
    if (text.length < 3 || text.length > 100) continue;
    if (/["“”«»]/.test(text)) continue;
    lines.add(text);
  }
  return lines;
}
