import { describe, expect, it } from 'vitest';
import { emptyMeta, type Span } from '../../model/index.js';
import { explainMembers } from './explain.js';

const place = (text: string, name: string): Span => {
  const start = text.indexOf(name);
  return {
    id: name,
    start,
    end: start + name.length,
    label: 'LOC',
    attrs: { entity: name },
    by: { stage: 'test', version: 1 },
  };
};

const report = (text: string, places: string[], published?: string) => ({
  text,
  meta: { ...emptyMeta(), published: published ? { value: published, estimated: false } : undefined },
  layers: { entities: places.map((name) => place(text, name)) },
});

describe('explainMembers', () => {
  const members = [
    report('An earthquake shook Napa early on Sunday, damaging buildings.', ['Napa'], '2014-08-24'),
    report('The Napa earthquake damaged buildings and injured dozens.', ['Napa'], '2014-08-25'),
    report('An earthquake damaged buildings in Christchurch on Tuesday.', ['Christchurch'], '2011-02-22'),
  ];
  const reasons = explainMembers(members);

  it('names the words, day and places a member shares with the others', () => {
    expect(reasons[0]?.sharedWords).toEqual(expect.arrayContaining(['earthquake', 'buildings']));
    expect(reasons[0]?.sameDay).toBe('2014-08-24');
    expect(reasons[0]?.places).toEqual(['napa']);
    expect(reasons[0]?.disagreements).toEqual([]);
  });

  it('flags a member whose places and years no other member states', () => {
    expect(reasons[2]?.sameDay).toBeUndefined();
    expect(reasons[2]?.places).toEqual([]);
    expect(reasons[2]?.disagreements).toEqual(['places: christchurch', 'years: 2011']);
  });
});
