import { describe, expect, it } from 'vitest';
import { parseAnnotatedEntities, parseDecisions } from './annotated-source.js';
import { buildIdentities } from './build-identities.js';
import { applyCuration } from './curation.js';
import { describeEntity, listEntities } from './query.js';

const annotated = [
  {
    id: 'a1',
    text: 'Qassem Soleimani met Hadi al-Amiri in Baghdad. Soleimani left.',
    entities: [
      { start: 0, end: 16, type: 'PERSON', entity: 'Qassem Soleimani' },
      { start: 21, end: 34, type: 'PERSON', entity: 'Hadi al-Amiri' },
      { start: 38, end: 45, type: 'LOC', entity: 'Baghdad' },
      { start: 47, end: 56, type: 'PERSON', entity: 'Qassem Soleimani' },
    ],
  },
  {
    id: 'a2',
    text: 'Ghassem Suleimani was in Baghdad.',
    entities: [
      { start: 0, end: 17, type: 'PERSON', entity: 'Ghassem Suleimani' },
      { start: 25, end: 32, type: 'LOC', entity: 'Baghdad' },
    ],
  },
]
  .map((line) => JSON.stringify(line))
  .join('\n');

const records = buildIdentities(parseAnnotatedEntities(annotated), { particles: new Set(['al']) });

describe('identity from `lede annotate` output', () => {
  it('reads mention texts from the offsets into each line’s text', () => {
    const [first] = parseAnnotatedEntities(annotated);
    expect(first?.mentions.map((mention) => mention.text)).toEqual([
      'Qassem Soleimani',
      'Hadi al-Amiri',
      'Baghdad',
      'Soleimani',
    ]);
  });

  it('lists entities by mentions, with type and text filters', () => {
    expect(listEntities(records).map((row) => [row.name, row.mentions, row.documents])).toEqual([
      ['Qassem Soleimani', 3, 2],
      ['Baghdad', 2, 2],
      ['Hadi al-Amiri', 1, 1],
    ]);
    expect(listEntities(records, { type: 'LOC' }).map((row) => row.name)).toEqual(['Baghdad']);
    expect(listEntities(records, { search: 'suleimani' }).map((row) => row.name)).toEqual(['Qassem Soleimani']);
    expect(listEntities(records, { minMentions: 2, limit: 1 }).map((row) => row.name)).toEqual(['Qassem Soleimani']);
  });

  it('describes one entity by any of its names, with the entities it shares documents with', () => {
    const [detail] = describeEntity(records, 'Ghassem Suleimani');
    expect(detail?.record.name).toBe('Qassem Soleimani');
    expect(detail?.cooccurring).toEqual([
      { name: 'Baghdad', type: 'LOC', sharedDocuments: 2 },
      { name: 'Hadi al-Amiri', type: 'PERSON', sharedDocuments: 1 },
    ]);
  });

  it('re-applies decisions read back from their JSONL file', () => {
    const decisions = parseDecisions('{"kind":"rename","entity":"Qassem Soleimani","name":"Qasem Soleimani"}\n');
    const { records: curated } = applyCuration(records, decisions);
    expect(describeEntity(curated, 'Qassem Soleimani')[0]?.record.name).toBe('Qasem Soleimani');
  });
});
