/**
 * `lede eval published-estimate`: how well the contents alone date a text. Each TempEval-3 TBAQ
 * document's creation time (DCT) is hidden and estimated from its text; reported are coverage (an
 * estimate at all), the share whose DCT lies inside the estimated interval, and the error of the
 * estimated value in days (month or year values count from their first day).
 */
import { join } from 'node:path';
import { estimatePublished } from '../../nlp/events/index.js';
import { createTimexFinder, parseDay } from '../../nlp/timex/index.js';
import { SHARED_DATA } from '../../resources/index.js';
import type { EvalOptions, Evaluation } from '../contract.js';
import { readTempEval } from '../timex/evaluate.js';

function dayNumber(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const [year, month = '01', day = '01'] = value.slice(0, 10).split('-');
  const parsed = parseDay(`${year}-${month}-${day}`);
  return parsed ? Date.UTC(parsed.year, parsed.month - 1, parsed.day) / 86_400_000 : undefined;
}

export const publishedEstimateEvaluation: Evaluation = {
  description: 'publication date estimated from the text alone, against the hidden TempEval-3 TBAQ creation dates',
  async run(options: EvalOptions) {
    let documents = readTempEval(options.data ?? join(SHARED_DATA, 'timex/tempeval3-tbaq'));
    if (options.limit) documents = documents.slice(0, options.limit);
    const finder = createTimexFinder();
    let covered = 0;
    let inside = 0;
    const errors: number[] = [];
    for (const document of documents) {
      const estimate = estimatePublished(document.text, finder);
      const truth = dayNumber(document.dct) as number;
      const value = dayNumber(estimate?.value);
      if (!estimate || value === undefined) continue;
      covered++;
      const earliest = dayNumber(estimate.earliest) ?? value;
      const latest = dayNumber(estimate.latest) ?? value;
      if (truth >= earliest && truth <= latest) inside++;
      errors.push(Math.abs(value - truth));
    }
    errors.sort((a, b) => a - b);
    const share = (n: number) => (documents.length === 0 ? 0 : n / documents.length);
    const within = (days: number) => errors.filter((error) => error <= days).length;
    const median = errors.length === 0 ? 0 : (errors[Math.floor(errors.length / 2)] as number);
    const json = {
      documents: documents.length,
      covered,
      coverage: share(covered),
      insideInterval: share(inside),
      medianErrorDays: median,
      within7Days: share(within(7)),
      within31Days: share(within(31)),
      within365Days: share(within(365)),
    };
    const text = [
      `Publication date from contents, TempEval-3 TBAQ: ${documents.length} documents (DCT hidden)`,
      `estimated            ${covered} (${(json.coverage * 100).toFixed(1)}%)`,
      `DCT inside interval  ${(json.insideInterval * 100).toFixed(1)}% of all documents`,
      `median error         ${median} days (documents with an estimate)`,
      `within 7 / 31 / 365 days  ${(json.within7Days * 100).toFixed(1)}% / ${(json.within31Days * 100).toFixed(1)}% / ${(json.within365Days * 100).toFixed(1)}% of all documents`,
    ].join('\n');
    return { text, json };
  },
};
