/**
 * Drawer `quotes`: every direct, partial and indirect quote in a store (scare quotes quote nobody),
 * shown as the Quotes view shows it: the words, the speaker lede names and the mention it read. A
 * judge reads the sentence, with the two before it for pronouns, and decides whether it quotes or
 * reports someone's words (`quote`) and, if so, whether the speaker shown is the one who said them
 * (`speaker`).
 */
import { statementSources } from '../../link/index.js';
import type { Store } from '../../store/index.js';
import type { AuditCandidate, AuditDrawer } from './draw.js';

const CONTEXT_SENTENCES = 2;

async function candidates(store: Store): Promise<AuditCandidate[]> {
  const found: AuditCandidate[] = [];
  for await (const doc of store.iterateDocuments()) {
    const sentences = doc.layers.sentences ?? [];
    for (const source of statementSources(doc)) {
      const at = sentences.findIndex((sentence) => sentence.end > source.start);
      const earlier = sentences.slice(Math.max(0, at - CONTEXT_SENTENCES), Math.max(0, at));
      found.push({
        item: `${doc.externalId ?? doc.id}:${source.start}-${source.end}`,
        evidence: {
          headline: doc.meta.headline ?? '',
          before: earlier.map((sentence) => doc.text.slice(sentence.start, sentence.end)).join(' '),
          sentence: source.sentence,
        },
        output: {
          kind: source.kind,
          text: source.text,
          speaker: source.speakerName ?? null,
          mention: source.speakerMention ?? null,
          cue: source.cue ?? null,
        },
      });
    }
  }
  return found;
}

export const quotesDrawer: AuditDrawer = {
  kind: 'quotes',
  question:
    'Does the text quote or report what someone said, wrote or announced (quote)? If so, is the speaker shown ' +
    'the one who said it, by name or, for an unnamed speaker, by the description the text gives (speaker)? ' +
    'right = both; a non-quote has no speaker check.',
  candidates,
};
