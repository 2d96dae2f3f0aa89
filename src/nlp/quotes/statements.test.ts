import { describe, expect, it } from 'vitest';
import { groupStatements, normaliseStatement, sameStatement, wordEdits } from './statements.js';

describe('statement grouping', () => {
  it('normalises case, curly marks, apostrophes and punctuation', () => {
    expect(normaliseStatement('“The US is an ENEMY,” — we’re sure!')).toBe('the us is an enemy were sure');
  });

  it('counts word edits', () => {
    expect(wordEdits(['a', 'b', 'c'], ['a', 'x', 'c'])).toBe(1);
    expect(wordEdits(['a', 'b'], ['a', 'b', 'c', 'd'])).toBe(2);
  });

  it('groups the same quote reported by two outlets with different punctuation and one changed word', () => {
    const groups = groupStatements([
      {
        id: 'a',
        docId: 'doc1',
        text: 'There is no friendship with America, and the US is an enemy and will remain an enemy.',
        speakerName: 'Akram al-Kaabi',
      },
      {
        id: 'b',
        docId: 'doc2',
        text: 'There is no friendship with America and the U.S. is an enemy and will remain an enemy',
        speakerName: 'Akram al-Kaabi',
      },
      {
        id: 'c',
        docId: 'doc3',
        text: 'The entry and exit of advisers must be done in accordance with the law.',
        speakerName: 'Hadi al-Amiri',
      },
    ]);
    const together = groups.find((group) => group.members.length === 2);
    expect(together?.members.map((member) => member.id).sort()).toEqual(['a', 'b']);
    expect(together?.wordings).toHaveLength(2);
    expect(groups).toHaveLength(2);
  });

  it('groups a shorter excerpt with the full quote it comes from', () => {
    const full = 'The path of crusade continues and the fronts are active as the enemy is still present.';
    const groups = groupStatements([
      { id: 'full', docId: 'd1', text: full },
      { id: 'part', docId: 'd2', text: 'the fronts are active as the enemy is still present' },
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.key).toBe(normaliseStatement(full));
  });

  it('keeps apart quotes that differ by more than small edits or come from different speakers', () => {
    expect(
      sameStatement('we will never leave iraq alone'.split(' '), 'they will always stay in syria now'.split(' ')),
    ).toBe(false);
    const groups = groupStatements([
      { id: 'x', docId: 'd1', text: 'We do not accept the result of the election.', speakerName: 'Qais Khazali' },
      { id: 'y', docId: 'd2', text: 'We do not accept the result of the election.', speakerName: 'Hadi al-Amiri' },
    ]);
    expect(groups).toHaveLength(2);
  });

  it('groups new statements into the groups of an earlier run as grouping all of them afresh does', () => {
    const statement = (id: string, text: string, speakerName?: string) => ({ id, docId: id, text, speakerName });
    const earlier = [
      statement('a', 'The strike will go on until the port pays every worker what it owes them'),
      statement('b', 'We are not leaving until the harbour is safe for every family', 'Ilsa Varnholt'),
      statement('c', 'the strike will go on until the port pays every worker what it owes'),
      statement('d', 'We are not leaving until the harbour is safe for every family', 'Teodor Quill'),
    ];
    const later = [
      statement('e', 'We are not leaving until the harbour is safe for every family.', 'Ilsa Varnholt'),
      statement('f', 'The port pays every worker what it owes them'),
      statement('g', 'A different remark about the weather in the bay this week'),
    ];
    const all = [...earlier, ...later];
    const first = groupStatements(earlier);
    const indexOf = new Map(all.map((each, index) => [each.id, index]));
    const groups = first.map((group) => group.members.map((member) => indexOf.get(member.id) as number));
    const incremental = groupStatements(all, { earlier: { groups, isNew: (index) => index >= earlier.length } });
    const ids = (found: ReturnType<typeof groupStatements>) => found.map((group) => group.members.map((m) => m.id));
    expect(ids(incremental)).toEqual(ids(groupStatements(all)));
    expect(ids(incremental)).toEqual([['a', 'c', 'f'], ['b', 'e'], ['d'], ['g']]);
  });
});
