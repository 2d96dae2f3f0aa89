import type { Count } from './types.js';

/** Every month from the first to the last, those with no mention counted 0, so gaps show as gaps. */
export function fillMonths(counts: readonly Count[]): Count[] {
  const byMonth = new Map(counts.map((count) => [count.value.slice(0, 7), count.count]));
  const months = [...byMonth.keys()].filter((month) => /^\d{4}-\d{2}$/.test(month)).sort();
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return [];
  const filled: Count[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (let key = first; key <= last; ) {
    filled.push({ value: key, count: byMonth.get(key) ?? 0 });
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
    key = `${year}-${String(month).padStart(2, '0')}`;
  }
  return filled;
}

/** Months summed into years, for series too long to read month by month. */
export function byYear(months: readonly Count[]): Count[] {
  const years = new Map<string, number>();
  for (const month of months)
    years.set(month.value.slice(0, 4), (years.get(month.value.slice(0, 4)) ?? 0) + month.count);
  return [...years].map(([value, count]) => ({ value, count }));
}
