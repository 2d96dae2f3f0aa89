import { describe, expect, it } from 'vitest';
import type { Doc } from '../../model/index.js';
import { emptyMeta, identityMap, makeSpan } from '../../model/index.js';
import { createTimexFinder, createTimexStage } from './index.js';

const finder = createTimexFinder();
const monday = { year: 2023, month: 2, day: 13 };

function valuesOf(text: string, anchor: typeof monday | null = monday): Record<string, string> {
  return Object.fromEntries(
    finder.find(text, anchor ?? undefined).map((t) => [text.slice(t.start, t.end), `${t.type} ${t.value}`]),
  );
}

describe('nlp/timex', () => {
  it('points a bare weekday in a news report to the most recent such day', () => {
    expect(valuesOf('Al-Kaabi said in a meeting on Sunday that the fronts are active.')).toEqual({
      Sunday: 'DATE 2023-02-12',
    });
  });

  it('points a weekday forward when its clause is in the future tense', () => {
    expect(valuesOf('The delegation will meet on Friday.')).toEqual({ Friday: 'DATE 2023-02-17' });
  });

  it('normalises absolute dates, months with years, bare years and relative phrases', () => {
    const text =
      'The strike on January 3, 2020 came three years ago. In July 2021 they spoke, and since the 2003 invasion, last year and this month, for 90 days.';
    expect(valuesOf(text)).toEqual({
      'January 3, 2020': 'DATE 2020-01-03',
      'three years ago': 'DATE 2020',
      'July 2021': 'DATE 2021-07',
      '2003': 'DATE 2003',
      'last year': 'DATE 2022',
      'this month': 'DATE 2023-02',
      '90 days': 'DURATION P90D',
    });
  });

  it('resolves a month without a year to the past when the clause is past', () => {
    expect(valuesOf('Earlier in March, Khazali warned of a conspiracy.')).toEqual({ March: 'DATE 2022-03' });
  });

  it('reads periods, times of day and sets', () => {
    const text =
      'Bases must be handed over by the end of the current year; the vote will be at 10 p.m. Tuesday and talks are held every Thursday.';
    const found = finder.find(text, monday).map((t) => [text.slice(t.start, t.end), t.type, t.value, t.mod ?? '']);
    expect(found).toEqual([
      ['the end of the current year', 'DATE', '2023', 'END'],
      ['10 p.m. Tuesday', 'TIME', '2023-02-14T22:00', ''],
      ['every Thursday', 'SET', 'XXXX-WXX-4', ''],
    ]);
  });

  it('keeps placeholders for relative expressions when the document has no date', () => {
    expect(valuesOf('On Sunday, last year, and on January 3, 2020.', null)).toEqual({
      Sunday: 'DATE XXXX-WXX-7',
      'last year': 'DATE XXXX',
      'January 3, 2020': 'DATE 2020-01-03',
    });
  });

  it('does not take the verb may or a first name Jan for a month', () => {
    expect(valuesOf('Officials may decide, Jan Kavan said.')).toEqual({});
  });

  it('adds spans whose text is the evidence, anchored on the published date', () => {
    const text = 'He spoke on Sunday.';
    const doc: Doc = {
      id: 'd',
      source: { uri: 'd.txt', mediaType: 'text/plain' },
      raw: text,
      text,
      origin: identityMap(text.length),
      meta: { ...emptyMeta(), published: { value: '2023-02-13T11:41', estimated: false } },
      layers: { sentences: [makeSpan('sentences', 0, text.length, 'S', { stage: 't', version: 1 })] },
      messages: [],
    };
    const [span] = createTimexStage().run(doc, { error() {}, warning() {}, info() {} }).timexes;
    expect(span && text.slice(span.start, span.end)).toBe('Sunday');
    expect(span?.attrs).toEqual({ value: '2023-02-12', anchor: 'published' });
  });
});
