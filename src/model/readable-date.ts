/**
 * TIMEX3 values as people write them: `2025-09-03` → `3 September 2025`, `XXXX-09-05` → `5 September
 * (year not stated)`, `2025-06` → `June 2025`, `XXXX-WXX-2` → `a Tuesday`. A value this does not know is
 * shown as it is.
 */
const MONTHS = Array.from({ length: 12 }, (_, month) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, month, 1)),
);
const WEEKDAYS = Array.from({ length: 7 }, (_, day) =>
  new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + day)),
);

export function readableDate(value: string): string {
  const full = /^(\d{4}|XXXX)-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?$/.exec(value);
  if (full) {
    const [, year, month, day, time] = full;
    const name = MONTHS[Number(month) - 1];
    if (!name || Number(day) < 1 || Number(day) > 31) return value;
    const date = `${Number(day)} ${name}${year === 'XXXX' ? ' (year not stated)' : ` ${year}`}`;
    return time ? `${date}, ${time}` : date;
  }
  const monthOnly = /^(\d{4})-(\d{2})$/.exec(value);
  if (monthOnly) {
    const name = MONTHS[Number(monthOnly[2]) - 1];
    return name ? `${name} ${monthOnly[1]}` : value;
  }
  const weekday = /^XXXX-WXX-([1-7])$/.exec(value);
  if (weekday) return `a ${WEEKDAYS[Number(weekday[1]) - 1]}`;
  return value;
}
