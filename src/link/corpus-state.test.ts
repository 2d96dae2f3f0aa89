import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFiles } from '../eval/gold.js';
import { ingestInputs } from '../pipeline/index.js';
import { SEEDS_DIR } from '../resources/index.js';
import { fromAsync, openSqliteStore, type Store } from '../store/index.js';
import { CLAIMS_STATE, type ClaimsState, computeClaims } from './claims/index.js';
import { computeStatements, queryStatements, type StatementsState } from './statements/index.js';
import { computeTimeline, readTimeline } from './timeline/index.js';

let dir: string;
let store: Store;
let claims: ClaimsState;
let statements: StatementsState;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lede-corpus-state-'));
  store = openSqliteStore(join(dir, 'seeds.sqlite'));
  const summary = await ingestInputs(
    store,
    seedFiles().map((file) => join(SEEDS_DIR, file)),
    { context: { maxDocumentBytes: 1e7 }, workers: 0 },
  );
  expect(summary).toMatchObject({ ingested: 5, failed: 0 });
  claims = await computeClaims(store);
  statements = await computeStatements(store);
}, 60_000);

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('claims computed over the stored seeds', () => {
  it('flags the 004 bill dated January 3, 2020 against January 5, with both pieces of evidence', async () => {
    const conflict = claims.claims.find(
      (claim) =>
        claim.kind === 'date' &&
        claim.relation === 'conflict' &&
        claim.evidence.every((evidence) => evidence.source.name.startsWith('004')),
    );
    expect(conflict?.evidence.map((evidence) => evidence.value)).toEqual(['2020-01-03', 'XXXX-01-05']);
    expect(conflict?.evidence[0]?.text).toContain('January 3, 2020');
    expect(conflict?.evidence[1]?.text).toContain('January 5');
    for (const evidence of conflict?.evidence ?? []) {
      const doc = await store.getDocument(evidence.source.docId);
      expect(doc?.text.slice(evidence.start, evidence.end)).toBe(evidence.text);
    }
  });

  it('shows 2,500 troops in three seeds as an agreement', async () => {
    const agreement = claims.claims.find(
      (claim) => claim.kind === 'figure' && claim.relation === 'agreement' && claim.topic === 'troop',
    );
    expect(agreement?.evidence.every((evidence) => evidence.value === 2500)).toBe(true);
    expect(agreement?.evidence.map((evidence) => evidence.source.name.slice(0, 3))).toEqual(['000', '001', '003']);
  });

  it('saves the claims as corpus state', async () => {
    expect((await store.getCorpusState(CLAIMS_STATE))?.claims).toEqual(claims.claims);
  });
});

describe('statements computed over the stored seeds', () => {
  it('makes the Kaabi quote of 000 and 001 one statement with two sources', async () => {
    const kaabi = statements.statements.filter(
      (statement) => statement.speakerName === 'Akram al-Kaabi' && statement.documents === 2,
    );
    expect(kaabi.length).toBeGreaterThan(0);
    const names = kaabi[0]?.sources.map((source) => source.name.slice(0, 3)).sort();
    expect([...new Set(names)]).toEqual(['000', '001']);
    for (const source of kaabi[0]?.sources ?? []) {
      const doc = await store.getDocument(source.docId);
      expect(doc?.text.slice(source.start, source.end)).toBe(source.text);
      expect(source.sentence).toContain(source.text);
    }
  });

  it('keeps single-source statements and filters by speaker and document count', async () => {
    expect(statements.statements.length).toBeLessThan(statements.quotes);
    const repeated = queryStatements(statements.statements, { minDocuments: 2 });
    expect(repeated.statements.every((statement) => statement.documents >= 2)).toBe(true);
    const bySpeaker = queryStatements(statements.statements, { speaker: 'akram al-kaabi' });
    expect(bySpeaker.total).toBeGreaterThan(0);
    expect(bySpeaker.statements.every((statement) => statement.speakerName === 'Akram al-Kaabi')).toBe(true);
  });
});

describe('the merged timeline over the stored seeds', () => {
  it('is saved once and filtered on reading', async () => {
    const state = await computeTimeline(store);
    expect(state.entries.length).toBeGreaterThan(0);
    const dates = state.entries.map((entry) => entry.date);
    expect(dates).toEqual([...dates].sort());
    const in2020 = (await readTimeline(store, { from: '2020-01', to: '2020-01' })) ?? [];
    expect(in2020.length).toBeGreaterThan(0);
    expect(in2020.every((entry) => entry.date.startsWith('2020-01'))).toBe(true);
    expect(in2020.some((entry) => entry.sources.length > 1)).toBe(true);
  });
});

describe('claims scoped to story clusters', () => {
  it('looks for conflicts only within a story once the store holds story links, and agreements everywhere', async () => {
    const ids = new Map(
      (await fromAsync(store.iterateDocuments())).map((doc) => [doc.source.uri.split('/').pop()?.slice(0, 3), doc.id]),
    );
    const story = (prefix: string, name: string) => ({ id: ids.get(prefix) as string, story: name });
    await store.putDocLinks([
      story('000', 'a'),
      story('001', 'a'),
      story('002', 'b'),
      story('003', 'c'),
      story('004', 'd'),
    ]);
    const scoped = await computeClaims(store);
    expect(scoped.scope).toBe('story');
    const docsOf = (claim: (typeof scoped.claims)[number]) =>
      [...new Set(claim.evidence.map((evidence) => evidence.source.name.slice(0, 3)))].sort();
    // The within-document conflict of 004 stays; 000 and 001 against 004 are different stories now.
    const conflicts = scoped.claims.filter((claim) => claim.relation === 'conflict').map(docsOf);
    expect(conflicts).toContainEqual(['004']);
    expect(conflicts.every((docs) => docs.length === 1)).toBe(true);
    const troops = scoped.claims.find((claim) => claim.kind === 'figure' && claim.topic === 'troop');
    expect(troops && docsOf(troops)).toEqual(['000', '001', '003']);
    // Corpus-wide every story's conflict is still found; the seeds hold no conflict between stories.
    const corpus = (await computeClaims(store, { scope: 'corpus' })).claims.filter(
      (claim) => claim.relation === 'conflict',
    );
    expect(corpus.map(docsOf)).toEqual(conflicts);
  });
});
