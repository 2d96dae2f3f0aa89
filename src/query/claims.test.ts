import { describe, expect, it } from 'vitest';
import type { ClaimsState, SourcedClaim } from '../link/index.js';
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
});
