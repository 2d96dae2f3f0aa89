import { describe, expect, it } from 'vitest';
import type { Span } from '../../model/index.js';
import { naiveQuotes } from './baseline.js';
import { predictedQuotes } from './evaluation.js';
import { emptyTally, type ScoredQuote, stripMarks, summarise, tallyDocument, typeOf } from './score-quotes.js';

describe('PolNeAR quote scoring', () => {
  const text = '“We stay,” he said. She said that it was “a mistake” and more.';

  it('compares spans without their quotation marks', () => {
    expect(stripMarks(text, 0, 10)).toEqual({ start: 1, end: 9 });
  });

  it('types quotes from the text as the converter does', () => {
    expect(typeOf(text, 1, 9)).toBe('direct');
    expect(typeOf(text, text.indexOf('that'), text.indexOf(' and more'))).toBe('mixed');
    expect(typeOf(text, text.indexOf('and more'), text.length - 1)).toBe('indirect');
  });

  it('counts a quote as attributed only when span and speaker are both right', () => {
    const gold: ScoredQuote[] = [
      { start: 1, end: 9, type: 'direct', speaker: { start: 11, end: 13 } },
      { start: 30, end: 50, type: 'mixed', speaker: { start: 20, end: 23 } },
    ];
    const predicted: ScoredQuote[] = [
      { start: 1, end: 9, type: 'direct', speaker: { start: 11, end: 13 } },
      { start: 30, end: 50, type: 'mixed', speaker: { start: 0, end: 2 } },
    ];
    const tally = emptyTally();
    tallyDocument(tally, gold, predicted);
    const result = summarise(tally);
    expect(result.exact.f1).toBe(1);
    expect(result.speakerAccuracy).toBe(0.5);
    expect(result.attributedExact.tp).toBe(1);
    expect(result.attributedExact.fp).toBe(1);
    expect(result.attributedExact.fn).toBe(1);
  });

  it('drops scare quotes and quotes with neither speaker nor cue, and folds partial quotes into reported speech', () => {
    const by = { stage: 'test', version: 1 };
    const spans: Span[] = [
      {
        id: 'a',
        start: 1,
        end: 9,
        label: 'direct',
        by,
        attrs: { speakerStart: 11, speakerEnd: 13, cueStart: 14, cueEnd: 18 },
      },
      {
        id: 'b',
        start: 30,
        end: 50,
        label: 'indirect',
        by,
        attrs: { speakerStart: 20, speakerEnd: 23, cueStart: 24, cueEnd: 28 },
      },
      {
        id: 'c',
        start: 40,
        end: 48,
        label: 'partial',
        by,
        attrs: { speakerStart: 20, speakerEnd: 23, cueStart: 24, cueEnd: 28 },
      },
      { id: 'd', start: 52, end: 55, label: 'scare', by, attrs: { speakerStart: null, speakerEnd: null } },
      {
        id: 'e',
        start: 56,
        end: 60,
        label: 'partial',
        by,
        attrs: { speakerStart: null, speakerEnd: null, cueStart: null },
      },
    ];
    expect(predictedQuotes(text, spans).map((quote) => quote.start)).toEqual([1, 30]);
  });

  it('gives the naive baseline every double-quoted span with the next capitalised word as speaker', () => {
    const [first] = naiveQuotes('“We stay,” Smith said.');
    expect(first).toMatchObject({ start: 1, end: 9, speaker: { start: 11, end: 16 } });
  });
});
