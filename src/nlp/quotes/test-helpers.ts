/** Builds documents by hand for the quotes tests: text, sentences from the splitter, entities as given. */
import { type Doc, emptyMeta, identityMap, makeSpan, type Span } from '../../model/index.js';
import { splitParagraphs, splitSentences } from '../sentences/index.js';

export interface EntityMention {
  text: string;
  label: 'PERSON' | 'ORG' | 'LOC' | 'MISC';
  entity: string;
  /** Which occurrence of `text` (0 = first). */
  nth?: number;
}

export function makeDoc(text: string, entities: EntityMention[] = []): Doc {
  const by = { stage: 'test', version: 1 };
  const paragraphs = splitParagraphs(text);
  const entitySpans: Span[] = entities.map((mention) => {
    let start = -1;
    for (let n = 0; n <= (mention.nth ?? 0); n++) start = text.indexOf(mention.text, start + 1);
    if (start < 0) throw new Error(`"${mention.text}" is not in the text`);
    return makeSpan('entities', start, start + mention.text.length, mention.label, by, { entity: mention.entity });
  });
  return {
    id: 'test',
    source: { uri: 'test', mediaType: 'text/plain' },
    raw: text,
    text,
    origin: identityMap(text.length),
    meta: emptyMeta(),
    layers: {
      paragraphs: paragraphs.map((range) => makeSpan('paragraphs', range.start, range.end, 'P', by)),
      sentences: paragraphs
        .flatMap((paragraph) => splitSentences(text, paragraph))
        .map((range) => makeSpan('sentences', range.start, range.end, 'S', by)),
      entities: entitySpans.sort((a, b) => a.start - b.start),
    },
    messages: [],
  };
}
