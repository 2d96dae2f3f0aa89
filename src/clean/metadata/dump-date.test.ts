import { describe, expect, it } from 'vitest';
import { chooseDumpDate } from './dump-date.js';

const MENU = ['Home', 'News', 'Sport', 'Weather', 'Contact'].join('\n');
const LEAD =
  'The council voted on Tuesday to close the old bridge for repairs, a decision that will send several thousand cars a day through the town centre for most of the coming year.';

describe('chooseDumpDate', () => {
  it("passes over the header's date of today for the dateline above the lead", () => {
    const text = `Samstag, 19. Oktober 2019\n${MENU}\nBridge to close for a year\nvon Anna Muster\n16.10.2019, 17:05 Uhr\n${LEAD}\n© 2019 Example`;
    const chosen = chooseDumpDate(text, { leadAt: text.indexOf(LEAD), headlineAt: text.indexOf('Bridge') });
    expect(chosen?.found.day).toBe('2019-10-16');
    expect(chosen?.features.byline).toBe(1);
  });

  it('prefers a date a cue word calls the publication date over an update and a date in a sentence', () => {
    const text = `${MENU}\nUpdated: 20 October 2019\nPublished: 18 October 2019\n${LEAD} It reopens on 3 March 2020 at the earliest, officials said.`;
    const chosen = chooseDumpDate(text, { leadAt: text.indexOf(LEAD) });
    expect(chosen?.found.day).toBe('2019-10-18');
    expect(chosen?.features.published).toBe(1);
  });

  it('reads cues and dates in other languages', () => {
    const text = `${MENU}\nتاريخ النشر: ١٦ أكتوبر ٢٠١٩\n${LEAD}\nآخر تحديث: ١٨ أكتوبر ٢٠١٩`;
    expect(chooseDumpDate(text, { leadAt: text.indexOf(LEAD) })?.found.day).toBe('2019-10-16');
  });

  it('stays linear in the number of dates: a hostile dump of 20,000 dates on one line is scored in seconds', () => {
    // Quadratic before (overlap checks and neighbour counts against every other date): 107 s here.
    const text = Array.from({ length: 20_000 }, (_, i) => `${(i % 28) + 1}.0${(i % 9) + 1}.2020`).join(' ');
    const started = performance.now();
    expect(chooseDumpDate(text)?.found.day).toMatch(/^2020-0\d-\d\d$/);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('gives nothing for a dump without a date', () => {
    expect(chooseDumpDate(`${MENU}\n${LEAD}`)).toBeUndefined();
  });
});
