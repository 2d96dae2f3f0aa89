/** Documents of entity mentions for the identity tests. */
import type { EntityType } from '../../model/index.js';
import type { DocEntities, MentionRecord } from './types.js';

export const TEST_PARTICLES = new Set(['al', 'el', 'bin', 'ibn']);

/** A document whose mentions are [text, type, canonical within the doc, roles?], one after another. */
export function mentionsDoc(docId: string, mentions: [string, EntityType, string?, string[]?][]): DocEntities {
  let at = 0;
  return {
    docId,
    mentions: mentions.map(([text, type, docEntity, roles]): MentionRecord => {
      const start = at;
      at += text.length + 1;
      return {
        docId,
        spanId: `entities:${start}`,
        start,
        end: start + text.length,
        text,
        type,
        docEntity: docEntity ?? text,
        roles: roles ?? [],
      };
    }),
  };
}
