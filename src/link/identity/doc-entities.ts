import { type Doc, ENTITY_TYPES, type EntityType, type Span } from '../../model/index.js';
import type { DocEntities, MentionRecord } from './types.js';

/** A document's `entities` layer, and its `metaEntities` (headline, captions), as the plain records identity works on. */
export function readDocEntities(doc: Readonly<Doc>): DocEntities {
  return readEntitySpans(
    doc.externalId ?? doc.source.uri ?? doc.id,
    doc.text,
    doc.layers.entities ?? [],
    doc.layers.metaEntities ?? [],
  );
}

/**
 * The same from a document's id, clean text and entity spans alone (as the store streams them).
 * `metaSpans` point into the headline or a caption and carry their own words (attrs.text).
 */
export function readEntitySpans(
  docId: string,
  text: string,
  spans: readonly Span[],
  metaSpans: readonly Span[] = [],
): DocEntities {
  const fromText = spans.map((span) => toMention(docId, span, text.slice(span.start, span.end)));
  const fromFields = metaSpans.flatMap((span): MentionRecord[] => {
    const field = span.attrs?.field;
    const words = span.attrs?.text;
    if ((field !== 'headline' && field !== 'caption') || typeof words !== 'string' || !words) return [];
    return [{ ...toMention(docId, span, words), field }];
  });
  return { docId, mentions: [...fromText, ...fromFields] };
}

function toMention(docId: string, span: Span, mention: string): MentionRecord {
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
}
