import { describe, expect, it } from 'vitest';
import { cleanRecord } from '../../clean/index.js';
import { readSeed, seedFiles } from '../../eval/gold.js';
import { emptyMeta } from '../../model/index.js';
import { diffVersions } from './diff-versions.js';

const version = (headline: string, text: string) => ({ text, meta: { ...emptyMeta(), headline } });

describe('diffVersions', () => {
  it('reports an added paragraph, a changed one with its word diff, and a new headline', () => {
    const older = version('Rates rise', 'The bank raised rates on Tuesday.\n\nMarkets were calm.\n\nThe end.');
    const newer = version(
      'Rates rise again',
      'The bank raised rates sharply on Tuesday.\n\nMarkets were calm.\n\nAnalysts expect more.\n\nThe end.',
    );
    const diff = diffVersions(older, newer);
    expect(diff.headline?.parts).toEqual([
      { kind: 'same', text: 'Rates rise ' },
      { kind: 'added', text: 'again' },
    ]);
    expect(diff.counts).toEqual({ same: 2, added: 1, removed: 0, changed: 1 });
    const changed = diff.paragraphs.find((paragraph) => paragraph.kind === 'changed');
    const edits = changed?.kind === 'changed' ? changed.parts.filter((part) => part.kind !== 'same') : [];
    expect(edits.map((part) => [part.kind, part.text.trim()])).toEqual([['added', 'sharply']]);
    expect(diff.paragraphs.map((paragraph) => paragraph.kind)).toEqual(['changed', 'same', 'added', 'same']);
  });

  it('reports a removed paragraph and no headline change when headlines agree', () => {
    const diff = diffVersions(version('A', 'One two three.\n\nFour five six.'), version('A', 'One two three.'));
    expect(diff.headline).toBeUndefined();
    expect(diff.paragraphs).toEqual([
      { kind: 'same', text: 'One two three.' },
      { kind: 'removed', text: 'Four five six.' },
    ]);
  });

  it('shows seed 001 as 000 with a new headline, a new opening and an edited quote paragraph', () => {
    const [first, second] = seedFiles()
      .slice(0, 2)
      .map((file) => cleanRecord({ uri: file, content: readSeed(file), mediaType: 'text/plain' }));
    const diff = diffVersions(first!, second!);
    expect(diff.headline?.before).toBe('No Friendship with America, Iraqi Resistance Group Reiterates');
    expect(diff.headline?.after).toBe('US an enemy, no place for Americans in Iraq: Harakat al-Nujaba');
    expect(diff.counts.added).toBeGreaterThanOrEqual(1);
    expect(diff.counts.changed).toBeGreaterThanOrEqual(1);
    expect(diff.counts.same).toBeGreaterThanOrEqual(5);
  });
});
