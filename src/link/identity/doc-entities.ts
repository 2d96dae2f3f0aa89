import { type Doc, ENTITY_TYPES, type EntityType, type Span } from '../../model/index.js';
import type { DocEntities } from './types.js';

/** A document's `entities` layer as the plain records identity works on. */
export function readDocEntities(doc: Readonly<Doc>): DocEntities {
  return readEntitySpans(doc.externalId ?? doc.source.uri ?? doc.id, doc.text, doc.layers.entities ?? []);
}

/** The same from a document's id, clean text and entity spans alone (as the store streams them). */
export function readEntitySpans(docId: string, text: string, spans: readonly Span[]): DocEntities {
  const mentions = spans.map((span) => {
    const mention = text.slice(span.start, span.end);
    const roles = Array.isArray(span.attrs?.roles) ? span.attrs.roles.filter((role) => typeof role === 'string') : [];
    const entity = span.attrs?.entity;
    return {
      docId,
      spanId: span.id,
      start: span.start,
      end: span.end,
      text: mention,
      type: (ENTITY_TYPES as readonly string[]).includes(span.label) ? (span.label as EntityType) : 'MISC',
      docEntity: typeof entity === 'string' && entity ? entity : mention,
      roles,
    };
  });
  return { docId, mentions };
}
