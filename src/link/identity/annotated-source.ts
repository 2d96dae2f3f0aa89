/**
 * Identity can also be built from `lede annotate` output (JSONL, one document per line with `text`
 * and `entities`), without a store: for tests and one-off batches. Curation decisions are JSON lines.
 */
import { ENTITY_TYPES, type EntityType } from '../../model/index.js';
import type { CurationDecision } from './curation.js';
import type { DocEntities } from './types.js';

interface AnnotatedLine {
  id?: string;
  text?: string;
  entities?: { start: number; end: number; type: string; entity?: string; roles?: string[] }[];
}

/** Documents' entities from `lede annotate` output lines. */
export function parseAnnotatedEntities(content: string): DocEntities[] {
  return content
    .split('\n')
    .filter((line) => line.trim())
    .map((line, index) => {
      const parsed = JSON.parse(line) as AnnotatedLine;
      const docId = parsed.id ?? `line-${index + 1}`;
      const text = parsed.text ?? '';
      return {
        docId,
        mentions: (parsed.entities ?? []).map((entity) => ({
          docId,
          spanId: `entities:${entity.start}-${entity.end}:${entity.type}`,
          start: entity.start,
          end: entity.end,
          text: text.slice(entity.start, entity.end),
          type: (ENTITY_TYPES as readonly string[]).includes(entity.type) ? (entity.type as EntityType) : 'MISC',
          docEntity: entity.entity || text.slice(entity.start, entity.end),
          roles: entity.roles ?? [],
        })),
      };
    });
}

export function parseDecisions(content: string): CurationDecision[] {
  return content
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as CurationDecision);
}
