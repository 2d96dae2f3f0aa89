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

/** `1998-10-25` as an anchor day. */
function day(iso: string): typeof monday {
  const [year, month, date] = iso.split('-').map(Number);
  return { year: year as number, month: month as number, day: date as number };
}

describe('nlp/timex', () => {
  it('reads a four-digit time with a zone as a clock, not a year, and skips its bracketed conversion', () => {
    expect(valuesOf('By 1650 GMT, the dollar was trading at $1.32.')).toEqual({ '1650 GMT': 'TIME 2023-02-13T16:50' });
    expect(valuesOf('It airs from 1700 local time (0100 GMT) on Monday.')).toEqual({
      '1700 local time': 'TIME 2023-02-13T17:00',
      Monday: 'DATE 2023-02-13',
    });
  });

  it('reads no year in a clock time, a street number or a run of figures', () => {
    expect(valuesOf('The meeting is at 10 A.M. local time (1600 GMT).')['1600']).toBeUndefined();
    expect(valuesOf('The Senate votes at 1600 est/2100 gmt, and the attack came at 2200 hrs.')).toEqual({});
    expect(valuesOf('Record-keeping is going on at 1600 Pennsylvania Avenue.')).toEqual({});
    expect(valuesOf('The Dow fell 508 points to 1738, and rose 115 points at 1854.')).toEqual({});
    expect(valuesOf('Prices per 50 kg: T 1405 1755(1430 1695) E 2200 2295.')).toEqual({});
    expect(valuesOf('Net profit 1987 1986 was 12 mln vs 10 mln.')).toEqual({
      '1987': 'DATE 1987',
      '1986': 'DATE 1986',
    });
    expect(valuesOf('NOTE: 1986 4th qtr net excludes a gain.')).toEqual({ '1986': 'DATE 1986' });
    expect(valuesOf('It lost money in 1984, 1985 and 1986.')).toEqual({
      '1984': 'DATE 1984',
      '1985': 'DATE 1985',
      '1986': 'DATE 1986',
    });
    expect(Object.values(valuesOf('The period ended Oct. 31, 1986, and Dec 31, 1986.'))).toEqual([
      'DATE 1986-10-31',
      'DATE 1986-12-31',
    ]);
    expect(valuesOf('The firm was founded in 1600 and sold in 1986, in the 1987 budget.')).toEqual({
      '1600': 'DATE 1600',
      '1986': 'DATE 1986',
      '1987': 'DATE 1987',
    });
  });

  it('points a bare weekday in a news report to the most recent such day', () => {
    expect(valuesOf('Al-Kaabi said in a meeting on Sunday that the fronts are active.')).toEqual({
      Sunday: 'DATE 2023-02-12',
    });
  });

  it('points a weekday forward when its clause is in the future tense', () => {
    expect(valuesOf('The delegation will meet on Friday.')).toEqual({ Friday: 'DATE 2023-02-17' });
  });

  it('reads a numeric date month first unless only day first is a real day, and never outputs an impossible one', () => {
    expect(valuesOf('Filed on 10/19/2016, heard on 26/11/2019, signed 03/04/2020.')).toEqual({
      '10/19/2016': 'DATE 2016-10-19',
      '26/11/2019': 'DATE 2019-11-26',
      '03/04/2020': 'DATE 2020-03-04',
    });
    expect(valuesOf('Codes 31/31/2019 and 2019-13-01 are no dates.')).not.toHaveProperty('31/31/2019');
    expect(valuesOf('Codes 31/31/2019 and 2019-13-01 are no dates.')).not.toHaveProperty('2019-13-01');
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

  it('reads a weekday and date heading an editorial quote, colon and all', () => {
    expect(
      valuesOf('The New York Times said in an editorial on Monday, Oct. 26: The murder is a test.', day('1998-10-25')),
    ).toEqual({ 'Monday, Oct. 26': 'DATE 1998-10-26' });
  });

  it('keeps a time zone after a.m./p.m. inside the clock time, so it joins the day that follows', () => {
    expect(valuesOf('"This father will leave at 4 a.m. EDT Thursday," Castro said.', day('2000-04-05'))).toEqual({
      '4 a.m. EDT Thursday': 'TIME 2000-04-06T04:00',
    });
  });

  it('points a weekday forward after would, as soon as, a scheduled present or until', () => {
    expect(valuesOf('The team said it would leave Nairobi on Thursday for Dar es Salaam.', day('1998-09-30'))).toEqual({
      Thursday: 'DATE 1998-10-01',
    });
    expect(valuesOf('The relatives could come to the United States as soon as Tuesday.', day('2000-04-03'))).toEqual({
      Tuesday: 'DATE 2000-04-04',
    });
    expect(valuesOf('He and Arafat meet separately Monday with the Secretary of State.', day('1998-05-01'))).toEqual({
      Monday: 'DATE 1998-05-04',
    });
    expect(valuesOf('The service extended its deadline until 9 a.m. EST Tuesday.', day('2000-04-03'))).toEqual({
      '9 a.m. EST Tuesday': 'TIME 2000-04-04T09:00',
    });
    expect(valuesOf('Until Thursday, they had not called Kopp a suspect.', day('1999-05-07'))).toEqual({
      Thursday: 'DATE 1999-05-06',
    });
  });

  it('points a weekday back in the past perfect and in the main clause of a report', () => {
    expect(valuesOf('The offer had been due to expire Friday evening.', day('1989-10-30'))).toEqual({
      'Friday evening': 'TIME 1989-10-27TEV',
    });
    expect(valuesOf('Bush told a news conference on Tuesday that the blockade would hold.', day('1990-08-15'))).toEqual(
      { Tuesday: 'DATE 1990-08-14' },
    );
  });

  it('reads any past-tense verb as a past clause for a month without a year', () => {
    expect(valuesOf('He stepped down as chairman in March for health reasons.', day('1989-11-02'))).toEqual({
      March: 'DATE 1989-03',
    });
    expect(valuesOf('The price has been cut nearly in half since August.', day('1989-10-26'))).toEqual({
      August: 'DATE 1989-08',
    });
  });

  it('does not send a day and month most of a year away because the report is in the past tense', () => {
    const text = 'The directors authorized a 3-for-2 split, payable Dec. 7 to stock of record Nov. 22.';
    expect(valuesOf(text, day('1989-10-27'))).toEqual({ 'Dec. 7': 'DATE 1989-12-07', 'Nov. 22': 'DATE 1989-11-22' });
    expect(valuesOf('The agency ordered the boy repatriated by Jan. 14.', day('2000-01-15'))).toEqual({
      'Jan. 14': 'DATE 2000-01-14',
    });
  });

  it('reads last before a month and day, and a second day joined to the first', () => {
    expect(valuesOf('He was shot to death last Oct. 23 at his home.', day('1999-04-19'))).toEqual({
      'last Oct. 23': 'DATE 1998-10-23',
    });
    expect(valuesOf('The summit will be held in Washington on April 24 and 25.', day('1999-02-10'))).toEqual({
      'April 24': 'DATE 1999-04-24',
      '25': 'DATE 1999-04-25',
    });
  });

  it('tells a fiscal year that ends on a day from the year of the report', () => {
    const text = 'For the year ended Sept. 30, Ralston earned $422.5 million. For the year, volume was flat.';
    const found = finder.find(text, day('1989-11-02')).map((t) => `${text.slice(t.start, t.end)} ${t.value}`);
    expect(found).toEqual(['the year P1Y', 'Sept. 30 1989-09-30', 'the year 1989']);
  });

  it('dates holidays by the tense of the clause, Thanksgiving and Election Day by their rule', () => {
    expect(valuesOf('Elian was found clinging to an inner tube on Thanksgiving Day.', day('2000-01-07'))).toEqual({
      'Thanksgiving Day': 'DATE 1999-11-25',
    });
    expect(valuesOf('Violence will be a major theme of our campaign up to Election Day.', day('1998-10-26'))).toEqual({
      'Election Day': 'DATE 1998-11-03',
    });
  });

  it('adds a half to a duration in the next smaller unit', () => {
    const text =
      'They lived in camps for 2 1/2 years, stayed about 5 1/2 hours, and a minute and a half later it ended.';
    expect(valuesOf(text, day('1998-02-27'))).toEqual({
      '2 1/2 years': 'DURATION P2Y6M',
      'about 5 1/2 hours': 'DURATION PT5H30M',
      'a minute and a half': 'DURATION PT1M30S',
    });
  });

  it('takes a year before quarter as the quarter of that year, not a count of quarters', () => {
    expect(valuesOf('Kirschner earned $376,000 in the 1988 quarter.', day('1989-10-30'))).toEqual({
      'the 1988 quarter': 'DATE 1988-Q3',
    });
    expect(valuesOf('The split could be effective as early as next year’s first quarter.', day('1989-10-31'))).toEqual({
      'next year’s first quarter': 'DATE 1990-Q1',
    });
  });

  it('reads the near future and as soon as possible as future references', () => {
    const text = 'It plans an offering in the near future and wants to sell the unit as soon as possible.';
    expect(valuesOf(text, day('1989-11-01'))).toEqual({
      'the near future': 'DATE FUTURE_REF',
      'as soon as possible': 'DATE FUTURE_REF',
    });
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

  it('reads a text without sentence breaks in time that grows with its length, with the tense of each clause', () => {
    const clause = 'the council will meet on Friday and the vote was held on Sunday with 300 people in the hall ';
    const once = valuesOf(clause);
    expect(once).toEqual({ Friday: 'DATE 2023-02-17', Sunday: 'DATE 2023-02-12' });
    // 150 KB in one run-on sentence: minutes before the tense window was bounded.
    const text = clause.repeat(1600);
    const started = performance.now();
    const found = finder.find(text, monday);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(found.length).toBe(3200);
    expect(new Set(found.map((timex) => `${text.slice(timex.start, timex.end)} ${timex.value}`))).toEqual(
      new Set(['Friday 2023-02-17', 'Sunday 2023-02-12']),
    );
  }, 60_000);
});
