/**
 * Corpus identities kept in the store: rebuilt from every document's `entities` layer plus the
 * curation decisions (stored apart, in the `curation` table, so they outlive re-ingest and
 * reprocessing), and saved compactly as the `identities` corpus state for the CLI and the API.
 */
import { defineCorpusState, type Span } from '../../model/index.js';
import { loadNameTables, readDemonyms } from '../../nlp/entities/index.js';
import type { Store } from '../../store/index.js';
import { buildIdentities, type IdentityOptions } from './build-identities.js';
import { applyCuration, type CurationDecision } from './curation.js';
import { readEntitySpans } from './doc-entities.js';
import type { DocEntities, EntityRecord, Evidence } from './types.js';

/** One entity as the store keeps it: no mention list, only its count and what the views need. */
export interface StoredIdentity {
  id: string;
  name: string;
  type: EntityRecord['type'];
  aliases: string[];
  variants: string[];
  roles: string[];
  evidence: Evidence[];
  mentions: number;
  /** Store document ids. */
  documents: string[];
  /** The documents among them that name it only in their headline or captions, not in their text. */
  fieldDocuments?: string[];
  /** The per-document names (`attrs.entity`) its mentions carry: the keys of the store's span index. */
  keys: string[];
  /** How it is written in the texts, most frequent first. */
  surfaceForms: { value: string; count: number }[];
}

export interface IdentityState {
  builtAt: string;
  documents: number;
  decisions: number;
  records: StoredIdentity[];
  /** Decisions that no longer fit the machine output (their name is gone, or names two entities). */
  unapplied: { decision: CurationDecision; reason: string }[];
}

export const IDENTITIES_STATE = defineCorpusState<IdentityState>('identities');

export interface RebuildOptions {
  /** Name particles (`al`, `bin`); read from data/entities/particles.txt when not given. */
  particles?: ReadonlySet<string>;
}

/** Rebuilds every identity from the stored `entities` layers and curation, saves and returns it. */
export async function rebuildIdentities(store: Store, options: RebuildOptions = {}): Promise<IdentityState> {
  const state = await computeIdentities(store, [], options);
  await store.putCorpusState(IDENTITIES_STATE, state);
  return state;
}

/** The saved identities, or undefined when they were never built for this store. */
export function loadIdentities(store: Store): Promise<IdentityState | undefined> {
  return store.getCorpusState(IDENTITIES_STATE);
}

export type CurationOutcome = { applied: true; state: IdentityState } | { applied: false; reason: string };

/**
 * Records a curation decision and rebuilds, so it shows at once. A decision that does not fit the
 * entities as they are now (a name that is gone or ambiguous) is refused rather than kept unapplied.
 */
export async function curateIdentities(
  store: Store,
  decision: CurationDecision,
  options: RebuildOptions = {},
): Promise<CurationOutcome> {
  const stamped = { ...decision, at: decision.at ?? new Date().toISOString() };
  // Read, decide and write as one: two curations at once (two people on a shared PostgreSQL store)
  // would otherwise each decide from the decisions before both, and the second write drop the first.
  return store.writeExclusively(async () => {
    const state = await computeIdentities(store, [stamped], options);
    const refused = state.unapplied.find((entry) => entry.decision === stamped);
    if (refused) return { applied: false, reason: refused.reason };
    await store.addCuration(stamped);
    await store.putCorpusState(IDENTITIES_STATE, state);
    return { applied: true, state };
  });
}

/** The identity rules' tables: name particles and facility words (data/entities/), demonyms (models/). */
export function loadIdentityOptions(): IdentityOptions {
  const tables = loadNameTables();
  return {
    particles: tables.particles,
    facilityHeads: tables.facilityHeads,
    demonyms: readDemonyms(),
    nameForms: { suffixes: tables.nameSuffixes, sameNames: tables.sameNames },
  };
}

async function computeIdentities(
  store: Store,
  extra: CurationDecision[],
  options: RebuildOptions,
): Promise<IdentityState> {
  const docs: DocEntities[] = [];
  const inFields = new Map<string, Span[]>();
  for await (const { id, spans } of store.iterateLayer('metaEntities', { withText: false })) {
    if (spans.length > 0) inFields.set(id, spans);
  }
  // Named by store id (not external id or uri, as `lede annotate` output is): the id is what links back.
  for await (const { id, text, spans } of store.iterateLayer('entities')) {
    docs.push(readEntitySpans(id, text, spans, inFields.get(id)));
  }
  const decisions = [...(await store.listCuration()).map((row) => row.decision as CurationDecision), ...extra];
  const defaults = loadIdentityOptions();
  const machine = buildIdentities(docs, { ...defaults, particles: options.particles ?? defaults.particles });
  const { records, unapplied } = applyCuration(machine, decisions);
  return {
    builtAt: new Date().toISOString(),
    documents: docs.length,
    decisions: decisions.length,
    records: records.map(compactRecord),
    unapplied,
  };
}

function compactRecord(record: EntityRecord): StoredIdentity {
  const forms = new Map<string, number>();
  const inText = new Set<string>();
  for (const mention of record.mentions) {
    forms.set(mention.text, (forms.get(mention.text) ?? 0) + 1);
    if (!mention.field) inText.add(mention.docId);
  }
  const fieldDocuments = record.documents.filter((doc) => !inText.has(doc));
  return {
    id: record.id,
    name: record.name,
    type: record.type,
    aliases: record.aliases,
    variants: record.variants,
    roles: record.roles,
    evidence: compactEvidence(record.evidence),
    mentions: record.mentions.length,
    documents: record.documents,
    ...(fieldDocuments.length > 0 ? { fieldDocuments } : {}),
    keys: [...new Set(record.mentions.map((mention) => mention.docEntity))].sort(),
    surfaceForms: [...forms]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
  };
}

/** Rules whose evidence repeats per document: one line per stem, with the documents counted. */
const COUNTED: Partial<
  Record<Evidence['rule'], { pattern: RegExp; render: (stem: string, documents: number) => string }>
> = {
  'same-name': {
    pattern: /^(".*" \(\w+\)) in (\S+) and (\S+)$/,
    render: (stem, documents) => `${stem} in ${documents} documents`,
  },
  demonym: {
    pattern: /^(.* the people of .*), in (\S+)$/,
    render: (stem, documents) => `${stem}, in ${documents} document${documents === 1 ? '' : 's'}`,
  },
};
const MAX_EVIDENCE_PER_RULE = 20;

/**
 * Evidence stays readable and bounded as the corpus grows: same-name joins (one per document pair)
 * and demonyms (one per document) become one line per name with its document count, and other
 * rules keep their first lines.
 */
export function compactEvidence(evidence: readonly Evidence[]): Evidence[] {
  const counted = new Map<string, { item: Evidence; docs: Set<string> }>();
  const perRule = new Map<string, number>();
  const kept: Evidence[] = [];
  for (const item of evidence) {
    const match = COUNTED[item.rule]?.pattern.exec(item.detail);
    if (match?.[1] && match[2]) {
      const key = `${item.rule}|${match[1]}`;
      const entry = counted.get(key) ?? { item: { rule: item.rule, detail: match[1] }, docs: new Set<string>() };
      if (entry.docs.size === 0) kept.push(entry.item);
      for (const doc of match.slice(2)) if (doc) entry.docs.add(doc);
      counted.set(key, entry);
      continue;
    }
    const count = (perRule.get(item.rule) ?? 0) + 1;
    perRule.set(item.rule, count);
    if (count <= MAX_EVIDENCE_PER_RULE) kept.push(item);
  }
  const compact = kept.map((item) => {
    const entry = counted.get(`${item.rule}|${item.detail}`);
    const render = COUNTED[item.rule]?.render;
    return entry && entry.item === item && render
      ? { rule: item.rule, detail: render(item.detail, entry.docs.size) }
      : item;
  });
  for (const [rule, count] of perRule) {
    if (count > MAX_EVIDENCE_PER_RULE) {
      compact.push({ rule: rule as Evidence['rule'], detail: `and ${count - MAX_EVIDENCE_PER_RULE} more like these` });
    }
  }
  return compact;
}
