import { describe, expect, it } from 'vitest';
import { hostileClaimsCorpus } from '../../bench/hostile-claims-corpus.js';
import { annotateSeeds } from '../../eval/seeds.js';
import { MAX_CONFLICTS_PER_TOPIC } from './find-claims.js';
import { findClaims } from './index.js';

const claims = findClaims((await annotateSeeds()).docs);

describe('link/claims', () => {
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

  it('compares a hostile corpus of 1,200 documents in seconds, keeping at most 10,000 conflicts a topic', () => {
    const docs = hostileClaimsCorpus({ documents: 1200, eventsPerDocument: 10, figuresPerDocument: 20 });
    const started = performance.now();
    const found = findClaims(docs);
    expect(performance.now() - started).toBeLessThan(20_000);
    const count = (kind: string, relation: string) =>
      found.filter((claim) => claim.kind === kind && claim.relation === relation).length;
    expect(count('date', 'conflict')).toBe(MAX_CONFLICTS_PER_TOPIC);
    expect(count('figure', 'conflict')).toBe(MAX_CONFLICTS_PER_TOPIC);
    // Every day of January 1-28 and every one of the 900 troop counts is stated in several documents.
    expect(count('date', 'agreement')).toBe(28);
    expect(count('figure', 'agreement')).toBe(900);
    const firstDay = found.find((claim) => claim.kind === 'date' && claim.relation === 'agreement');
    expect(firstDay?.note).toMatch(/^baghdad attack on 2020-01-\d\d in \d+ documents$/);
  }, 60_000);

  it('finds the same claims as comparing every pair, on a small hostile corpus', () => {
    const docs = hostileClaimsCorpus({ documents: 30, eventsPerDocument: 3, figuresPerDocument: 4 });
    const found = findClaims(docs);
    const conflicts = found.filter((claim) => claim.kind === 'date' && claim.relation === 'conflict');
    const claimsByDay = docs.flatMap((doc) =>
      (doc.layers.events ?? []).map((event) => ({ doc: doc.id, day: Number(String(event.attrs?.date).slice(-2)) })),
    );
    let pairs = 0;
    for (let i = 0; i < claimsByDay.length; i++)
      for (let j = i + 1; j < claimsByDay.length; j++)
        if ((claimsByDay[i]?.day as number) !== (claimsByDay[j]?.day as number)) pairs++;
    expect(conflicts.length).toBe(pairs);
  });
});
