import { describe, expect, it } from 'vitest';
import { annotateSeeds } from '../seeds.js';
import { framingSeedCheck } from './framing.js';

const outcomes = await framingSeedCheck.check(await annotateSeeds());

describe('framing seed expectations', () => {
  it('finds every loaded phrase the issue names, wherever it occurs in the samples', async () => {
    const found = outcomes.filter((outcome) => outcome.field.startsWith('found:'));
    expect(found.length).toBeGreaterThanOrEqual(10);
    expect(found.filter((outcome) => !outcome.pass)).toEqual([]);
  });

  it('leaves the plain reporting sentences of the samples unflagged', async () => {
    const neutral = outcomes.filter((outcome) => outcome.field.startsWith('neutral:'));
    expect(neutral.length).toBe(3);
    expect(neutral.filter((outcome) => !outcome.pass)).toEqual([]);
  });
});
