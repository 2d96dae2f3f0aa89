import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEARNED_CUES_PATH, learnCues } from './train-cues.js';

describe('lede train quotes', () => {
  it('makes the shipped cue model from PolNeAR train: the model is what the current code learns', () => {
    const shipped = JSON.parse(readFileSync(LEARNED_CUES_PATH, 'utf8'));
    const learned = learnCues();
    expect(Object.keys(learned.forms).length).toBeGreaterThan(200);
    expect(shipped).toEqual(learned);
  });
});
