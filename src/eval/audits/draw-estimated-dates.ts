/**
 * Drawer `estimated-dates`: every document whose date lede estimated (from its contents, its story or
 * a dated twin) rather than read. A judge reads the headline, the opening and the sentences the
 * estimate came from, and decides whether the range fits the text and holds a plausible writing date.
 */
import type { Store } from '../../store/index.js';
import type { AuditCandidate, AuditDrawer } from './draw.js';

const OPENING_CHARS = 600;

/** The sentences of `text` that contain one of the quoted strings in `evidence` (`"last year"`). */
function evidenceSentences(text: string, evidence: readonly string[]): string[] {
  const quoted = evidence.flatMap((line) => [...line.matchAll(/"([^"]{3,})"/g)].map((match) => match[1] as string));
  const sentences: string[] = [];
  for (const phrase of quoted) {
    const at = text.indexOf(phrase);
    if (at < 0) continue;
    const before = text.lastIndexOf('\n', at);
    const stop = text.slice(0, at).search(/[.!?]\s+[^.!?]*$/);
    const start = Math.max(before + 1, stop >= 0 ? stop + 2 : 0);
    const endMatch = /[.!?](?=\s|$)/.exec(text.slice(at + phrase.length));
    const end = endMatch ? at + phrase.length + endMatch.index + 1 : Math.min(text.length, at + 300);
    const sentence = text.slice(start, end).trim();
    if (!sentences.includes(sentence)) sentences.push(sentence);
  }
  return sentences;
}

export const estimatedDatesDrawer: AuditDrawer = {
  kind: 'estimated-dates',
  question:
    'Is the estimated range consistent with the text, and does it contain a plausible writing date? ' +
    '(BBC stories were written in 2004-2005; a range reaching outside what the text allows is wrong.)',
  async candidates(store: Store): Promise<AuditCandidate[]> {
    const candidates: AuditCandidate[] = [];
    for await (const doc of store.iterateDocuments()) {
      const published = doc.meta.published;
      if (!published?.estimated) continue;
      const evidence = published.evidence ?? [];
      candidates.push({
        item: doc.externalId ?? doc.id,
        evidence: {
          headline: doc.meta.headline ?? '',
          opening: doc.text.slice(0, OPENING_CHARS),
          sentences: evidenceSentences(doc.text, evidence),
        },
        output: {
          value: published.value,
          earliest: published.earliest ?? published.value,
          latest: published.latest ?? published.value,
          ...(published.confidence !== undefined ? { confidence: published.confidence } : {}),
          from: published.from ?? '',
          evidence,
        },
      });
    }
    return candidates;
  },
};
