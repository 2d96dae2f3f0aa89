import { describe, expect, it } from 'vitest';
import { annotateSeeds } from '../../eval/seeds.js';
import { findClaims } from './index.js';

describe('link/claims', () => {
  const claims = findClaims(annotateSeeds().docs);

  it('flags the bill dated January 3, 2020 and January 5 within sample 004, with both sentences', () => {
    const conflict = claims.find(
      (claim) => claim.relation === 'conflict' && claim.evidence.every((e) => e.doc.startsWith('004')),
    );
    expect(conflict?.evidence.map((e) => e.value)).toEqual(['2020-01-03', 'XXXX-01-05']);
    expect(conflict?.evidence[1]?.text).toContain('Uqabi called January 5');
  });

  it('shows 2,500 troops in three samples as agreement', () => {
    const agreement = claims.find((claim) => claim.kind === 'figure' && claim.relation === 'agreement');
    expect(agreement?.topic).toBe('troop');
    expect(agreement?.evidence.map((e) => e.doc.slice(0, 3))).toEqual(['000', '001', '003']);
  });
});
