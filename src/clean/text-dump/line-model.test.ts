import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { macroScore, matchShingles } from '../../eval/shingles.js';
import { readJsonlGz, SHARED_DATA } from '../../resources/index.js';
import { cleanTextDump } from './clean-text-dump.js';
import { dumpLines, lineFeatures } from './line-features.js';
import { emissionScores, LINE_ROLES, lineModelFromFile, shippedLineModel, viterbi } from './line-model.js';

const R = LINE_ROLES.length;

describe('line features', () => {
  const raw = [
    'Menu',
    '  • News',
    '  • Sport',
    '',
    'Published 12 March 2019',
    '',
    'The council voted on Tuesday to close the old bridge for a year so that it can be repaired properly.',
    'Residents said they had waited a long time for the work, and most of them welcomed the decision.',
    'Menu',
  ].join('\n');
  const lines = dumpLines(raw);
  const features = lineFeatures(lines, new Set(['the', 'of']));

  it('sees only non-blank lines, with the blanks before each', () => {
    expect(lines.map((line) => line.text)).toEqual([
      'Menu',
      '• News',
      '• Sport',
      'Published 12 March 2019',
      expect.stringContaining('The council'),
      expect.stringContaining('Residents'),
      'Menu',
    ]);
    expect(lines[3]?.blanksBefore).toBe(1);
  });

  it('marks bullets, date lines, repetition and the position to the prose run', () => {
    expect(features[1]).toContain('markdot');
    expect(features[3]).toContain('dateLine');
    expect(features[0]).toContain('rep1');
    expect(features[4]).toContain('runin');
    expect(features[4]).toContain('end.');
    expect(features[0]?.some((feature) => feature.startsWith('runb'))).toBe(true);
    expect(features[6]?.some((feature) => feature.startsWith('runa'))).toBe(true);
  });
});

describe('viterbi', () => {
  it('follows the emissions when transitions are neutral', () => {
    const scores = new Float64Array(2 * R);
    scores[0 * R + 4] = 1; // boilerplate
    scores[1 * R + 0] = 1; // body
    expect(viterbi(scores, 2, new Float64Array((R + 1) * R))).toEqual([4, 0]);
  });

  it('lets a strong transition overrule a weak emission', () => {
    const scores = new Float64Array(3 * R);
    scores[0 * R + 0] = 2;
    scores[1 * R + 4] = 0.5; // a weak boilerplate line between two body lines
    scores[2 * R + 0] = 2;
    const transitions = new Float64Array((R + 1) * R);
    transitions[0 * R + 0] = 1; // body → body
    expect(viterbi(scores, 3, transitions)).toEqual([0, 0, 0]);
  });

  it('adds the weights of every feature of a line', () => {
    const model = lineModelFromFile({
      version: 1,
      roles: [...LINE_ROLES],
      functionWords: [],
      features: { a: [1, 0, 0, 0, 0], b: [0.5, 0, 0, 0, 2] },
      transitions: new Array((R + 1) * R).fill(0),
      headline: {},
    });
    expect(Array.from(emissionScores(model, [['a', 'b', 'unknown']]))).toEqual([1.5, 0, 0, 0, 2]);
  });
});

describe('the shipped line model on real dumps', () => {
  const model = shippedLineModel();
  const folder = join(SHARED_DATA, 'page-dumps');
  // The tune half of page-dumps, as `lede eval dumps` splits it; the held-out half is never read here.
  const tune = (id: string) => (createHash('sha1').update(id).digest()[0] ?? 0) % 2 === 0;
  const gold = new Map(readJsonlGz<{ id: string; body?: string }>(join(folder, 'gold.jsonl.gz')).map((g) => [g.id, g]));
  const dumps = readJsonlGz<{ id: string; text: string }>(join(folder, 'docs.jsonl.gz'))
    .filter((dump) => dump.id.startsWith('sd-ae-') && tune(dump.id))
    .slice(0, 8);

  it('is shipped', () => {
    expect(model).not.toBeNull();
  });

  it('gives bodies well above the whole-dump floor', () => {
    const body = macroScore(
      dumps.map((dump) => matchShingles(gold.get(dump.id)?.body ?? '', cleanTextDump(dump.text).text)),
    );
    const floor = macroScore(dumps.map((dump) => matchShingles(gold.get(dump.id)?.body ?? '', dump.text)));
    expect(dumps).toHaveLength(8);
    expect(body.precision).toBeGreaterThan(floor.precision + 0.2);
    expect(body.f1).toBeGreaterThan(floor.f1 + 0.1);
  });
});
