/**
 * What kind of quantity a figure's unit names, as the figures stage wrote it: money in a currency
 * (`mln dlrs` → US dollars, the value scaled to units), a percentage (`pct`), or a count of a noun.
 * Wire copy writes currencies and scales in short (`mln stg`, `cts`) and runs a table's next word into
 * the unit (`cts vs`, `mln Net`); only the words up to the currency count.
 */

export interface UnitWords {
  currencies: Record<string, string>;
  scales: Record<string, number>;
  percents: string[];
}

export type ReadUnit =
  | { kind: 'money'; currency: string; value: number }
  | { kind: 'percent'; value: number }
  | { kind: 'count'; unit: string; value: number };

export function readUnit(unit: string, value: number, words: UnitWords): ReadUnit {
  const trimmed = unit.trim();
  if (words.percents.includes(trimmed.toLowerCase())) return { kind: 'percent', value };
  const currency = words.currencies[trimmed];
  if (currency) return { kind: 'money', currency, value };
  const parts = trimmed.split(/\s+/);
  let scale = 1;
  for (const [at, part] of parts.entries()) {
    const factor = words.scales[part.toLowerCase()];
    if (factor !== undefined && at < parts.length - 1) {
      scale *= factor;
      continue;
    }
    const named = words.currencies[part] ?? words.currencies[part.toLowerCase()];
    if (named) return { kind: 'money', currency: named, value: value * scale };
    if (words.percents.includes(part.toLowerCase())) return { kind: 'percent', value: value * scale };
    break;
  }
  return { kind: 'count', unit: trimmed, value };
}
