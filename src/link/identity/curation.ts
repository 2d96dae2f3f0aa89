/**
 * Curation decisions are plain data kept apart from machine output and re-applied, in order, each
 * time identities are rebuilt, so they survive re-ingest. Entities are named by any of their names
 * (canonical or alias), which outlive record ids; a decision that no longer fits (its name is gone,
 * or names two entities) is reported, not guessed.
 */
import { straightenApostrophes } from './name-keys.js';
import type { EntityRecord } from './types.js';

export type CurationDecision =
  | { kind: 'merge'; into: string; from: string; note?: string; at?: string }
  | { kind: 'split'; entity: string; alias: string; note?: string; at?: string }
  | { kind: 'rename'; entity: string; name: string; note?: string; at?: string }
  | { kind: 'alias-add'; entity: string; alias: string; note?: string; at?: string }
  | { kind: 'alias-remove'; entity: string; alias: string; note?: string; at?: string };

export interface CurationResult {
  records: EntityRecord[];
  unapplied: { decision: CurationDecision; reason: string }[];
}

const same = (a: string, b: string) =>
  straightenApostrophes(a).toLowerCase() === straightenApostrophes(b).toLowerCase();

/** The records a name picks out: by canonical name first, else by alias. */
export function findRecords<R extends { name: string; aliases: readonly string[] }>(
  records: readonly R[],
  name: string,
): R[] {
  const byName = records.filter((record) => same(record.name, name));
  return byName.length > 0 ? byName : records.filter((record) => record.aliases.some((alias) => same(alias, name)));
}

export function applyCuration(
  machine: readonly EntityRecord[],
  decisions: readonly CurationDecision[],
): CurationResult {
  let records = machine.map(copyRecord);
  const unapplied: CurationResult['unapplied'] = [];
  const one = (decision: CurationDecision, name: string): EntityRecord | undefined => {
    const found = findRecords(records, name);
    if (found.length === 1) return found[0];
    unapplied.push({
      decision,
      reason: found.length === 0 ? `no entity named "${name}"` : `"${name}" names ${found.length} entities`,
    });
    return undefined;
  };
  const why = (decision: CurationDecision) =>
    `${describeDecision(decision)}${decision.note ? ` (${decision.note})` : ''}`;

  for (const decision of decisions) {
    switch (decision.kind) {
      case 'merge': {
        const into = one(decision, decision.into);
        const from = into && one(decision, decision.from);
        if (!into || !from) break;
        if (into === from) break;
        records = records.filter((record) => record !== from);
        absorb(into, from, why(decision));
        break;
      }
      case 'split': {
        const record = one(decision, decision.entity);
        if (!record) break;
        const moved = record.mentions.filter((m) => same(m.text, decision.alias) || same(m.docEntity, decision.alias));
        if (moved.length === 0 || moved.length === record.mentions.length) {
          unapplied.push({ decision, reason: `"${decision.alias}" is not a separable name of "${record.name}"` });
          break;
        }
        record.mentions = record.mentions.filter((mention) => !moved.includes(mention));
        record.aliases = record.aliases.filter((alias) => !same(alias, decision.alias));
        record.variants = record.variants.filter((alias) => !same(alias, decision.alias));
        record.documents = [...new Set(record.mentions.map((mention) => mention.docId))].sort();
        records.push({
          id: `${record.type}:${straightenApostrophes(decision.alias).toLowerCase()}`,
          name: decision.alias,
          type: record.type,
          aliases: [],
          variants: [],
          roles: [],
          documents: [...new Set(moved.map((mention) => mention.docId))].sort(),
          mentions: moved,
          evidence: [{ rule: 'curation', detail: why(decision) }],
        });
        break;
      }
      case 'rename': {
        const record = one(decision, decision.entity);
        if (!record) break;
        if (!same(record.name, decision.name)) record.aliases = uniqueSorted([...record.aliases, record.name]);
        record.aliases = record.aliases.filter((alias) => !same(alias, decision.name));
        record.name = decision.name;
        record.evidence.push({ rule: 'curation', detail: why(decision) });
        break;
      }
      case 'alias-add': {
        const record = one(decision, decision.entity);
        if (!record) break;
        record.aliases = uniqueSorted([...record.aliases, decision.alias]);
        record.evidence.push({ rule: 'curation', detail: why(decision) });
        // Records the machine kept apart under that very name now belong here.
        for (const other of records.filter((r) => r !== record && same(r.name, decision.alias))) {
          records = records.filter((r) => r !== other);
          absorb(record, other, why(decision));
        }
        break;
      }
      case 'alias-remove': {
        const record = one(decision, decision.entity);
        if (!record) break;
        if (!record.aliases.some((alias) => same(alias, decision.alias))) {
          unapplied.push({ decision, reason: `"${record.name}" has no alias "${decision.alias}"` });
          break;
        }
        record.aliases = record.aliases.filter((alias) => !same(alias, decision.alias));
        record.variants = record.variants.filter((alias) => !same(alias, decision.alias));
        record.evidence.push({ rule: 'curation', detail: why(decision) });
        break;
      }
    }
  }
  return { records, unapplied };
}

export function describeDecision(decision: CurationDecision): string {
  switch (decision.kind) {
    case 'merge':
      return `curator merged "${decision.from}" into "${decision.into}"`;
    case 'split':
      return `curator split "${decision.alias}" from "${decision.entity}"`;
    case 'rename':
      return `curator renamed "${decision.entity}" to "${decision.name}"`;
    case 'alias-add':
      return `curator added alias "${decision.alias}" to "${decision.entity}"`;
    case 'alias-remove':
      return `curator removed alias "${decision.alias}" from "${decision.entity}"`;
  }
}

function absorb(into: EntityRecord, from: EntityRecord, reason: string): void {
  into.aliases = uniqueSorted([...into.aliases, from.name, ...from.aliases].filter((alias) => !same(alias, into.name)));
  into.variants = uniqueSorted([...into.variants, ...from.variants]);
  into.roles = uniqueSorted([...into.roles, ...from.roles]);
  into.mentions = [...into.mentions, ...from.mentions];
  into.documents = uniqueSorted([...into.documents, ...from.documents]);
  into.evidence = [...into.evidence, { rule: 'curation', detail: reason }, ...from.evidence];
}

function copyRecord(record: EntityRecord): EntityRecord {
  return {
    ...record,
    aliases: [...record.aliases],
    variants: [...record.variants],
    roles: [...record.roles],
    documents: [...record.documents],
    mentions: [...record.mentions],
    evidence: [...record.evidence],
  };
}

function uniqueSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}
