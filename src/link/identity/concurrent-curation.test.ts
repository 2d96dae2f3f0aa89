import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFiles } from '../../eval/gold.js';
import { ingestInputs } from '../../pipeline/index.js';
import { SEEDS_DIR } from '../../resources/index.js';
import { postgresBackend } from '../../store/conformance/backends.js';
import type { Store } from '../../store/index.js';
import { findRecords } from './curation.js';
import { curateIdentities, loadIdentities, rebuildIdentities } from './store-identities.js';

// Two people curating one shared PostgreSQL store at once: each decision must survive the other.
const backend = postgresBackend();
let first: Store;
let second: Store;

beforeAll(async () => {
  first = await backend.open('shared');
  second = await backend.open('shared');
  await ingestInputs(
    first,
    seedFiles().map((file) => join(SEEDS_DIR, file)),
    {
      context: { maxDocumentBytes: 1e7 },
      workers: 0,
    },
  );
  await rebuildIdentities(first);
}, 60_000);
afterAll(() => backend.cleanup());

describe('curation on a shared store', () => {
  it('keeps both of two decisions made at the same moment through two connections', async () => {
    const outcomes = await Promise.all([
      curateIdentities(first, { kind: 'merge', into: 'Qassem Soleimani', from: 'Quds Force' }),
      curateIdentities(second, { kind: 'rename', entity: 'Akram al-Kaabi', name: 'Sheikh Akram al-Kaabi' }),
    ]);
    expect(outcomes.map((outcome) => outcome.applied)).toEqual([true, true]);
    expect(await first.listCuration()).toHaveLength(2);
    const records = (await loadIdentities(first))?.records ?? [];
    const [soleimani] = findRecords(records, 'Quds Force');
    expect(soleimani?.name).toBe('Qassem Soleimani');
    expect(findRecords(records, 'Kaabi')[0]?.name).toBe('Sheikh Akram al-Kaabi');
  });
});
