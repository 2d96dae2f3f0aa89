import { describe, expect, it } from 'vitest';
import { FramingDetector } from './detect.js';
import { loadFramingLexicons } from './lexicons.js';
import { prepareText } from './prepare.js';
import { TECHNIQUES, TOKEN_CLASSES } from './techniques.js';

/** Bias-only models: findSpans is driven entirely by the probabilities handed to it. */
const empty = (classes: readonly string[]) => ({
  classes: [...classes],
  features: [],
  weights: [],
  bias: classes.map((name) => (name === 'Doubt' ? 1 : 0)),
});
const detector = new FramingDetector(empty(TOKEN_CLASSES), empty(TECHNIQUES), loadFramingLexicons());

function probabilitiesOf(rows: [number, number, number, number][]): Float32Array {
  return Float32Array.from(rows.flat());
}

describe('FramingDetector.findSpans', () => {
  const text = 'They called it a vile , cowardly act today .';
  const prepared = prepareText(text, [{ start: 0, end: text.length }]);
  // They called it a vile , cowardly act today .
  const rows: [number, number, number, number][] = [
    [1, 0, 0, 0],
    [1, 0, 0, 0],
    [1, 0, 0, 0],
    [0.8, 0.2, 0, 0],
    [0.2, 0.8, 0, 0],
    [0.6, 0.4, 0, 0],
    [0.25, 0.75, 0, 0],
    [0.7, 0.3, 0, 0],
    [1, 0, 0, 0],
    [0.5, 0.5, 0, 0],
  ];
  const probabilities = probabilitiesOf(rows);
  const off = { other: 2, listed: 2 };

  it('cuts runs of tokens above the loaded threshold into Loaded_Language spans', () => {
    const spans = detector.findSpans(prepared, probabilities, { loaded: 0.7, extend: 1, ...off });
    expect(spans.map((span) => text.slice(span.start, span.end))).toEqual(['vile', 'cowardly']);
    expect(spans.every((span) => span.technique === 'Loaded_Language')).toBe(true);
    expect(spans[0]?.score).toBeCloseTo(0.8);
  });

  it('grows a run over neighbours above the lower threshold and trims punctuation at its edges', () => {
    const spans = detector.findSpans(prepared, probabilities, { loaded: 0.7, extend: 0.4, ...off });
    expect(spans.map((span) => text.slice(span.start, span.end))).toEqual(['vile , cowardly act']);
  });

  it('names spans of other techniques by the classifier when the tagger does not say name calling', () => {
    const other = probabilitiesOf(rows.map(([o, l]) => [o, 0, 0, l]));
    const spans = detector.findSpans(prepared, other, { loaded: 2, other: 0.7, extend: 1, listed: 2 });
    expect(spans.map((span) => span.technique)).toEqual(['Doubt', 'Doubt']);
  });

  it('adds listed loaded terms the tagger finds suspect even below the run thresholds', () => {
    const weak = probabilitiesOf(rows.map(([o, l]) => [Math.max(o, 0.75), Math.min(l, 0.25), 0, 0]));
    const spans = detector.findSpans(prepared, weak, { loaded: 0.7, other: 2, extend: 1, listed: 0.2 });
    expect(spans.map((span) => text.slice(span.start, span.end))).toEqual(['vile', 'cowardly']);
  });
});
