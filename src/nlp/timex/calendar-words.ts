/**
 * English month and weekday names as Node's ICU data (`Intl`) writes them, full (`May`, `Sunday`) or
 * also short (`Sun`, `Sept`): words that date something and name no one.
 */
export function englishCalendarWords(widths: readonly ('long' | 'short')[] = ['long']): Set<string> {
  const words = new Set<string>();
  for (const width of widths) {
    const month = new Intl.DateTimeFormat('en', { month: width, timeZone: 'UTC' });
    const weekday = new Intl.DateTimeFormat('en', { weekday: width, timeZone: 'UTC' });
    for (let m = 0; m < 12; m++) words.add(month.format(Date.UTC(2001, m, 1)));
    // 1 January 2001 was a Monday.
    for (let d = 0; d < 7; d++) words.add(weekday.format(Date.UTC(2001, 0, 1 + d)));
  }
  return words;
}
