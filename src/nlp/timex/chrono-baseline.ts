/** Plain chrono-node, as the baseline `lede eval timex` prints beside lede's own tagger. */
import * as chrono from 'chrono-node';
import { type Day, formatDay } from './calendar.js';
import type { TimexFinding } from './find-timexes.js';

export function findTimexesWithChrono(text: string, anchor: Day): TimexFinding[] {
  const reference = new Date(Date.UTC(anchor.year, anchor.month - 1, anchor.day, 12));
  return chrono.parse(text, { instant: reference, timezone: 0 }).map((result) => {
    const start = result.start;
    const day: Day = {
      year: start.get('year') ?? anchor.year,
      month: start.get('month') ?? 1,
      day: start.get('day') ?? 1,
    };
    const timed = start.isCertain('hour');
    let value: string;
    if (start.isCertain('day') || start.isCertain('weekday')) value = formatDay(day);
    else if (start.isCertain('month')) value = formatDay(day).slice(0, 7);
    else if (start.isCertain('year')) value = String(day.year);
    else value = formatDay(day);
    if (timed)
      value += `T${String(start.get('hour')).padStart(2, '0')}:${String(start.get('minute') ?? 0).padStart(2, '0')}`;
    return {
      start: result.index,
      end: result.index + result.text.length,
      type: timed ? 'TIME' : 'DATE',
      value,
      rule: 'chrono',
    };
  });
}
