import { describe, expect, it } from 'vitest';
import type { ClaimsState, SourcedClaim, SourcedEvidence } from '../link/index.js';
import { filterClaims } from './index.js';

const claim = (kind: 'date' | 'figure', relation: 'conflict' | 'agreement', topic: string): SourcedClaim => ({
  kind,
  relation,
  topic,
  note: `${relation} on ${topic}`,
  evidence: [],
});

const state: ClaimsState = {
  computedAt: '2024-05-01T00:00:00.000Z',
  documents: 4,
  scope: 'story',
  claims: [
    claim('date', 'conflict', 'bill'),
    claim('figure', 'agreement', 'troop'),
    claim('figure', 'conflict', 'casualty'),
    claim('date', 'agreement', 'strike'),
  ],
};

describe('filterClaims', () => {
  it('filters by kind and relation and counts the matches before the page', () => {
    expect(filterClaims(state, { kind: 'figure' }).claims.map((kept) => kept.topic)).toEqual(['troop', 'casualty']);
    expect(filterClaims(state, { relation: 'conflict' }).claims.map((kept) => kept.topic)).toEqual([
      'bill',
      'casualty',
    ]);
    expect(filterClaims(state, { kind: 'date', relation: 'agreement' })).toEqual({
      total: 1,
      claims: [state.claims[3]],
    });
  });

  it('pages from offset, total still counting every match', () => {
    const page = filterClaims(state, { offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.claims.map((kept) => kept.topic)).toEqual(['troop', 'casualty']);
    expect(filterClaims(state, { offset: 10 })).toEqual({ total: 4, claims: [] });
  });

  it('sorts by the number of articles, the newest stated date of the evidence (undated last) or the topic', () => {
    const evidence = (docId: string, published?: string): SourcedEvidence => ({
      doc: docId,
      start: 0,
      end: 2,
      text: '40',
      value: 40,
      source: { docId, name: docId, ...(published ? { published } : {}) },
    });
    const sourced = (topic: string, ...refs: [string, string?][]): SourcedClaim => ({
      ...claim('figure', 'agreement', topic),
      evidence: refs.map(([docId, published]) => evidence(docId, published)),
    });
    const sortable: ClaimsState = {
      ...state,
      claims: [
        sourced('wage', ['a', '2024-01-02'], ['b']),
        sourced('troop', ['a', '2024-03-01'], ['b', '2024-02-01'], ['c']),
        sourced('loan', ['d'], ['e']),
        sourced('fare', ['f', '2024-02-15'], ['g', '2024-02-16']),
      ],
    };
    const order = (sort: 'conflicts' | 'sources' | 'newest' | 'topic') =>
      filterClaims(sortable, { sort }).claims.map((kept) => kept.topic);
    expect(order('conflicts')).toEqual(['wage', 'troop', 'loan', 'fare']);
    expect(order('sources')).toEqual(['troop', 'wage', 'loan', 'fare']);
    expect(order('newest')).toEqual(['troop', 'fare', 'wage', 'loan']);
    expect(order('topic')).toEqual(['fare', 'loan', 'troop', 'wage']);
    expect(filterClaims(sortable, { sort: 'topic', offset: 1, limit: 2 }).claims.map((kept) => kept.topic)).toEqual([
      'loan',
      'troop',
    ]);
  });
});
