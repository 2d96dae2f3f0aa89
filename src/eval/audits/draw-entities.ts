/**
 * Drawer `entities`: every entity mention lede found in the text of a document, as the article view
 * highlights it. A judge reads the sentence with the mention marked and decides whether it is a name
 * with the right extent (not a common word, not half a name) and whether its type is right.
 */
import type { Store } from '../../store/index.js';
import type { AuditCandidate, AuditDrawer } from './draw.js';

/** Marks around the mention inside its sentence, so a judge sees exactly what was found. */
const OPEN_MARK = '⟦';
const CLOSE_MARK = '⟧';

export const entitiesDrawer: AuditDrawer = {
  kind: 'entities',
  question:
    'Is the marked span a name with the right extent (mention), and is its type right (type: PERSON, ORG for ' +
    'organisations, teams, parties and companies, LOC for places and countries, MISC for nationalities, events, ' +
    'works and other names)? right = both.',
  async candidates(store: Store): Promise<AuditCandidate[]> {
    const candidates: AuditCandidate[] = [];
    for await (const doc of store.iterateDocuments()) {
      const sentences = doc.layers.sentences ?? [];
      for (const mention of doc.layers.entities ?? []) {
        const sentence = sentences.find((span) => span.start <= mention.start && mention.end <= span.end);
        const from = sentence?.start ?? Math.max(0, mention.start - 150);
        const to = sentence?.end ?? Math.min(doc.text.length, mention.end + 150);
        candidates.push({
          item: `${doc.externalId ?? doc.id}:${mention.start}-${mention.end}`,
          evidence: {
            headline: doc.meta.headline ?? '',
            sentence:
              doc.text.slice(from, mention.start) +
              OPEN_MARK +
              doc.text.slice(mention.start, mention.end) +
              CLOSE_MARK +
              doc.text.slice(mention.end, to),
          },
          output: {
            text: doc.text.slice(mention.start, mention.end),
            type: mention.label,
            entity: typeof mention.attrs?.entity === 'string' ? mention.attrs.entity : '',
          },
        });
      }
    }
    return candidates;
  },
};
