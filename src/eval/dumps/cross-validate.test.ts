import { describe, expect, it } from 'vitest';
import { dumpsCrossValidation } from './cross-validate.js';

describe('lede eval dumps-cv', () => {
  it('refuses a mode it does not have before training anything', async () => {
    await expect(dumpsCrossValidation.run({ mode: 'folds' })).rejects.toThrow(/unknown --mode folds.*single, seeds/);
  });
});
