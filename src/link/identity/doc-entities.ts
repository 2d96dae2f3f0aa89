import { type Doc, ENTITY_TYPES, type EntityType } from '../../model/index.js';
import type { DocEntities } from './types.js';

/** A document's `entities` layer as the plain records identity works on. */
export function readDocEntities(doc: Readonly<Doc>): DocEntities {
  const docId = doc.externalId ?? doc.source.uri ?? doc.id;
  const mentions = (doc.layers.entities ?? []).map((span) => {
    const text = doc.text.slice(span.start, span.end);
    const roles = Array.isArray(span.attrs?.roles) ? span.attrs.roles.filter((role) => typeof role === 'string') : [];
    const entity = span.attrs?.entity;
    return {
      docId,
      spanId: span.id,
      start: span.start,
      end: span.end,
      text,
      type: (ENTITY_TYPES as readonly string[]).includes(span.label) ? (span.label as EntityType) : 'MISC',
      docEntity: typeof entity === 'string' && entity ? entity : text,
      roles,
    };
  });
  return { docId, mentions };
}
