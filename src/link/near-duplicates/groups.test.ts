import { describe, expect, it } from 'vitest';
import { cleanRecord } from '../../clean/index.js';
import { readSeed, seedFiles } from '../../eval/gold.js';
import { duplicatesJson } from './groups.js';

const seeds = seedFiles().map((file) => {
  const content = readSeed(file);
  return cleanRecord({ uri: file, content, mediaType: 'text/plain', externalId: file.slice(0, 3) });
});

describe('duplicatesJson', () => {
  it('groups the two scrapes of one story (seeds 000 and 001) and nothing else', () => {
    const { groups } = duplicatesJson(seeds);
    expect(groups.map((group) => ({ members: group.members, kind: group.kind }))).toEqual([
      { members: ['000', '001'], kind: 'near' },
    ]);
    expect(groups[0]?.pairs[0]?.jaccard).toBeGreaterThan(0.8);
  });

  it('calls a re-ingested copy an exact duplicate', () => {
    const copy = { ...(seeds[2] as (typeof seeds)[number]), externalId: '002-copy' };
    const { groups } = duplicatesJson([...seeds, copy]);
    expect(groups).toContainEqual(expect.objectContaining({ members: ['002', '002-copy'], kind: 'exact' }));
  });
});
