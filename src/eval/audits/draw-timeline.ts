/**
 * Timeline events as `lede timeline` and the timeline page show them: one merged entry each, judged
 * on its first source (the one its text comes from). A judge reads the sentence against the
 * document's headline and date and decides whether the text reads as a sentence or clause and
 * whether the date is when that event happened.
 */
import { mergedTimeline } from '../../query/index.js';
import type { Store } from '../../store/index.js';
import type { AuditCandidate, AuditDrawer } from './draw.js';

async function candidates(store: Store): Promise<AuditCandidate[]> {
  const entries =
    (await mergedTimeline(store, { recompute: false })) ?? (await mergedTimeline(store, { recompute: true })) ?? [];
  const found: AuditCandidate[] = [];
  for (const entry of entries) {
    const first = entry.sources[0];
    if (!first) continue;
    const doc = await store.getDocument(first.source.docId);
    const published = doc?.meta.published;
    found.push({
      item: `${first.source.docId}:${first.start}-${first.end}`,
      evidence: {
        sentence: first.text,
        headline: doc?.meta.headline ?? first.source.headline ?? '',
        documentDate: published
          ? {
              value: published.value,
              estimated: published.estimated,
              ...(published.earliest ? { earliest: published.earliest, latest: published.latest } : {}),
            }
          : 'undated',
        sources: entry.sources.length,
      },
      output: { what: entry.what, date: entry.shown },
    });
  }
  return found;
}

export const timelineDrawer: AuditDrawer = {
  kind: 'timeline',
  question:
    'Does the event text read as a sentence or clause (readable), and is the date shown when that event happened, ' +
    'counted from the document date as shown (date)? right = both.',
  candidates,
};
