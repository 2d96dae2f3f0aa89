import { describe, expect, it } from 'vitest';
import { quotesSeedCheck } from '../../eval/seed-checks/quotes.js';
import { annotateSeeds } from '../../eval/seeds.js';

const outcomes = await quotesSeedCheck.check(await annotateSeeds());

describe('quotes on the seed articles', () => {
  it('checks all 23 quotes, both indirect quotes and the scare quotes of gold.json', async () => {
    expect(outcomes.filter((outcome) => !outcome.field.startsWith('scare'))).toHaveLength(25);
    expect(outcomes.filter((outcome) => outcome.field.startsWith('scare'))).toHaveLength(2);
  });

  it('finds each with its exact raw span, kind and resolved speaker', async () => {
    const failures = outcomes.filter((outcome) => !outcome.pass);
    expect(failures).toEqual([]);
  });
});
