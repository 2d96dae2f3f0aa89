import { normaliseLine, splitLines } from './lines.js';

/**
 * Whether a plain-text document still holds a line learnt as its outlet's boilerplate: one that
 * cleaning did not drop (`dropped`, the document's `meta.boilerplate`). Lines compare in their
 * `normaliseLine` form, the form the store learns them in, so a non-breaking space or a tab cannot
 * make one path drop a line the other keeps. HTML is cleaned from its markup, not by lines.
 */
export function keepsLearntBoilerplate(
  doc: { raw: string; mediaType: string; dropped: readonly string[] },
  learnt: ReadonlySet<string> | undefined,
): boolean {
  if (!learnt || learnt.size === 0 || doc.mediaType.includes('html')) return false;
  const dropped = new Set(doc.dropped.map(normaliseLine));
  return splitLines(doc.raw).some((line) => {
    const text = normaliseLine(line.text);
    return learnt.has(text) && !dropped.has(text);
  });
}
