import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestInputs } from '../../pipeline/index.js';
import { openSqliteStore, type Store } from '../../store/index.js';
import { computeClaims } from './index.js';

let dir: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lede-kept-claims-'));
  const sentence =
    'Pires said the strike had closed the state-controlled Banco do Brasil, which has more than 3,000 branches.';
  const records = [
    {
      id: 'first',
      published: '1987-03-24T09:33',
      title: 'Bank strike spreads',
      text: `Bank workers walked out across the country on Tuesday.\n\n${sentence}`,
    },
    {
      id: 'second',
      published: '1987-03-24T10:32',
      title: 'Brazil bank strike',
      text: `Unions called a national bank strike over pay on Tuesday.\n\n${sentence}`,
    },
  ];
  const input = join(dir, 'records.jsonl');
  writeFileSync(input, `${records.map((record) => JSON.stringify(record)).join('\n')}\n`);
  store = openSqliteStore(join(dir, 'kept.sqlite'));
  await ingestInputs(store, [input], { context: { maxDocumentBytes: 1e6 }, workers: 0 });
}, 60_000);

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('claims read back from the facts kept per document', () => {
  it('find the agreement of two open-ended figures (more than 3,000) as a fresh reading does', async () => {
    const agreements = async () =>
      (await computeClaims(store, { scope: 'corpus' })).claims
        .filter((claim) => claim.relation === 'agreement' && claim.topic === 'branch')
        .map((claim) => claim.evidence.map((evidence) => evidence.source.name).sort());
    const fresh = await agreements();
    expect(fresh).toEqual([['first', 'second']]);
    // The second run reads every document's claims from the kept facts, which are JSON.
    expect(await agreements()).toEqual(fresh);
  });
});
