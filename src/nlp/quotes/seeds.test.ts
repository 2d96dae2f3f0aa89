import { describe, expect, it } from 'vitest';
import { quotesSeedCheck } from '../../eval/seed-checks/quotes.js';
import { annotateSeeds } from '../../eval/seeds.js';

describe('quotes on the seed articles', () => {
  const outcomes = quotesSeedCheck.check(annotateSeeds());

  it('checks all 23 quotes, both indirect quotes and the scare quotes of gold.json', () => {
    expect(outcomes.filter((outcome) => !outcome.field.startsWith('scare'))).toHaveLength(25);
    expect(outcomes.filter((outcome) => outcome.field.startsWith('scare'))).toHaveLength(2);
  });

  it('finds each with its exact raw span, kind and resolved speaker', () => {
    const failures = outcomes.filter((outcome) => !outcome.pass);
    expect(failures).toEqual([]);
  });
});
