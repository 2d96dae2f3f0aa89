import { describe, expect, it } from 'vitest';
import { createTimexFinder } from '../timex/index.js';
import { estimateWritingRange } from './writing-date.js';

const finder = createTimexFinder();
const range = (text: string, notAfter?: string) => estimateWritingRange(text, finder, notAfter);

describe('estimateWritingRange', () => {
  it('dates a text that dwells on a recent year to that year and the next', () => {
    const result = range('Profits rose 8% in 2004. In 2003 they had fallen by a third.');
    expect(result).toMatchObject({ range: { earliest: { year: 2004, month: 1, day: 1 }, latest: { year: 2005 } } });
  });

  it('leaves a lone background year undated, however it is phrased', () => {
    expect(range('Brando won an Oscar in 1973, which he refused. He died last July.')).toHaveProperty('undated');
    expect(range('The population will halve by 2050, the report said.')).toHaveProperty('undated');
  });

  it('does not take a year still to come or a fiscal year for the recent past', () => {
    const result = range('Sales rose in 1986. They fell in 1985. Fiscal 1988 earnings will rise in 1988.');
    expect(result).toMatchObject({ range: { earliest: { year: 1986 }, latest: { year: 1987 } } });
  });

  it('picks the year a weekday written with its date fits', () => {
    const result = range(
      'The vote was held in 2004. Turnout in 2003 was higher. Counting ends on Sunday, 13 February.',
    );
    expect(result).toMatchObject({ range: { rule: 'weekday', earliest: { year: 2005 }, latest: { year: 2005 } } });
  });

  it('closes the range only with a date still to come, not a deadline that has passed', () => {
    const passed = range(
      'There were 32 million connections by the end of June 2004. Growth in 2004 was fast. In 2003 there were 20 million.',
    );
    expect(passed).toMatchObject({ range: { latest: { year: 2005, month: 12, day: 31 } } });
    const ahead = range('Profits rose in 2004. In 2003 they fell. The new plant will open in March 2005.');
    expect(ahead).toMatchObject({ range: { latest: { year: 2005, month: 3, day: 31 } } });
  });

  it('never reaches past the fetch time', () => {
    const result = range('Profits rose in 2004. In 2003 they fell.', '2005-02-01');
    expect(result).toMatchObject({ range: { latest: { year: 2005, month: 2, day: 1 } } });
  });
});
