/**
 * Until the store holds entity mentions, identity can be built from `lede annotate` output (JSONL,
 * one document per line with `text` and `entities`), and curation decisions kept in a JSONL file.
 * The store will implement the same `IdentitySource`.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { ENTITY_TYPES, type EntityType } from '../../model/index.js';
import type { CurationDecision } from './curation.js';
import type { DocEntities } from './types.js';

export interface IdentitySource {
  readDocEntities(): DocEntities[];
  readDecisions(): CurationDecision[];
  appendDecision(decision: CurationDecision): void;
}

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

export function createFileIdentitySource(annotatedPath: string, decisionsPath: string): IdentitySource {
  return {
    readDocEntities() {
      const bytes = readFileSync(annotatedPath);
      return parseAnnotatedEntities((annotatedPath.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'));
    },
    readDecisions() {
      return existsSync(decisionsPath) ? parseDecisions(readFileSync(decisionsPath, 'utf8')) : [];
    },
    appendDecision(decision) {
      appendFileSync(decisionsPath, `${JSON.stringify(decision)}\n`);
    },
  };
}
