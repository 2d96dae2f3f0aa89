/**
 * `lede eval published-estimate`: how well the contents alone date a text.
 * - `--corpus tbaq` (default): each TempEval-3 TBAQ document's creation time (DCT) is hidden and
 *   estimated from its text.
 * - `--corpus reuters --split dev|test`: Reuters-21578 records (dev: the TRAIN split, the one the
 *   rules were looked at on; test: TEST, held out) go through the annotate path (clean, then the
 *   published-estimate stage) with their date and dateline hidden.
 * - `--corpus bbc`: the 2,225 BBC articles, whose README says only that they are from 2004-2005; an
 *   estimate counts as right when its whole range lies in those two years.
 * `--data STORE.sqlite` (with bbc) reads the dates a store of the corpus shows after linking instead,
 * estimates from stories and twins included.
 * Reported: coverage (an estimate at all), the share of estimates whose range holds the true day (or
 * lies in the known years), the share by rule, and the median range width.
 */
import { join } from 'node:path';
import { cleanRecord } from '../../clean/index.js';
import { type DatedValue, ESTIMATED_FROM_CONTENTS, type Reporter } from '../../model/index.js';
import { createPublishedEstimateStage } from '../../nlp/events/index.js';
import { readJsonlGz, SHARED_DATA } from '../../resources/index.js';
import { openStore } from '../../store/index.js';
import type { EvalOptions, Evaluation } from '../contract.js';
import { readTempEval } from '../timex/evaluate.js';

interface Dated {
  id: string;
  text: string;
  /** The true day (`YYYY-MM-DD`), or the years the corpus is known to span. */
  truth: { day: string } | { from: string; to: string };
}

interface NewsRecord {
  id: string;
  text: string;
  date: string | null;
  lewissplit?: string;
}

function readCorpus(options: EvalOptions): { name: string; documents: Dated[] } {
  const corpus = options.corpus ?? 'tbaq';
  if (corpus === 'tbaq') {
    const documents = readTempEval(options.data ?? join(SHARED_DATA, 'timex/tempeval3-tbaq')).map(
      (document, index) => ({
        id: String(index),
        text: document.text,
        truth: { day: document.dct.slice(0, 10) },
      }),
    );
    return { name: 'TempEval-3 TBAQ (DCT hidden)', documents };
  }
  if (corpus === 'reuters') {
    const split = options.split === 'test' ? 'TEST' : 'TRAIN';
    const records = readJsonlGz<NewsRecord>(
      options.data ?? join(SHARED_DATA, 'news/reuters21578/reuters21578.jsonl.gz'),
    ).filter((record) => record.lewissplit === split && record.date);
    const documents = records.map((record) => ({
      id: record.id,
      text: record.text,
      truth: { day: (record.date as string).slice(0, 10) },
    }));
    return { name: `Reuters-21578 ${split} split (date and dateline hidden)`, documents };
  }
  if (corpus === 'bbc') {
    const fromStore = options.data?.endsWith('.sqlite');
    const records = readJsonlGz<NewsRecord>((!fromStore && options.data) || join(SHARED_DATA, 'news/bbc/bbc.jsonl.gz'));
    const documents = records.map((record) => ({
      id: record.id,
      text: record.text,
      truth: { from: '2004-01-01', to: '2005-12-31' },
    }));
    return { name: 'BBC News 2004-2005 (right: the whole range inside 2004-2005)', documents };
  }
  throw new Error(`unknown corpus ${corpus}: tbaq, reuters or bbc`);
}

/** Whether the range shares at least a day with the known years (a looser reading than `inside`). */
function overlaps(estimate: DatedValue, truth: Dated['truth']): boolean {
  if ('day' in truth) return inside(estimate, truth);
  return (
    (estimate.earliest ?? estimate.value).slice(0, 10) <= truth.to &&
    (estimate.latest ?? estimate.value).slice(0, 10) >= truth.from
  );
}

function inside(estimate: DatedValue, truth: Dated['truth']): boolean {
  const earliest = (estimate.earliest ?? estimate.value).slice(0, 10);
  const latest = (estimate.latest ?? estimate.value).slice(0, 10);
  if ('day' in truth) return truth.day >= earliest && truth.day <= latest;
  return earliest >= truth.from && latest <= truth.to;
}

function widthDays(estimate: DatedValue): number {
  return (Date.parse(estimate.latest ?? '') - Date.parse(estimate.earliest ?? '')) / 86_400_000;
}

/** The annotate path: the record is cleaned as a text dump with no date hint, then dated by the stage. */
function estimateFromText(
  text: string,
  stage: ReturnType<typeof createPublishedEstimateStage>,
  report: Reporter,
): DatedValue | undefined {
  const doc = cleanRecord({ uri: 'eval', content: text, mediaType: 'text/plain' });
  const estimate = stage.run({ ...doc, meta: { ...doc.meta, published: undefined } }, report).meta?.published;
  return estimate?.from === ESTIMATED_FROM_CONTENTS ? estimate : undefined;
}

/** The dates a store shows after linking (contents, stories, twins), by external id. */
async function readStoredDates(path: string): Promise<Map<string, DatedValue>> {
  const store = await openStore(path, { readonly: true });
  try {
    const dates = new Map<string, DatedValue>();
    for await (const doc of store.iterateDocuments())
      if (doc.meta.published) dates.set(doc.externalId ?? doc.id, doc.meta.published);
    return dates;
  } finally {
    await store.close();
  }
}

const percent = (n: number, of: number) => (of === 0 ? '0.0' : ((n / of) * 100).toFixed(1));

export const publishedEstimateEvaluation: Evaluation = {
  description:
    'publication date estimated from the text alone: TBAQ creation dates, Reuters-21578 dates (--corpus reuters --split dev|test) or BBC 2004-2005 (--corpus bbc), hidden',
  async run(options: EvalOptions) {
    const { name, documents: all } = readCorpus(options);
    const documents = options.limit ? all.slice(0, options.limit) : all;
    const stored = options.data?.endsWith('.sqlite') ? await readStoredDates(options.data) : undefined;
    const stage = createPublishedEstimateStage();
    const report = { info() {}, warning() {}, error() {} };
    const byRule = new Map<string, { given: number; inside: number }>();
    const widths: number[] = [];
    let given = 0;
    let right = 0;
    let overlapping = 0;
    for (const document of documents) {
      const estimate = stored ? stored.get(document.id) : estimateFromText(document.text, stage, report);
      if (!estimate?.estimated) continue;
      given++;
      const hit = inside(estimate, document.truth);
      if (hit) right++;
      if (overlaps(estimate, document.truth)) overlapping++;
      const rule =
        estimate.evidence?.find((line) => line.startsWith('rule: '))?.slice(6) ??
        estimate.from?.split(':')[0] ??
        'other';
      const tally = byRule.get(rule) ?? { given: 0, inside: 0 };
      tally.given++;
      if (hit) tally.inside++;
      byRule.set(rule, tally);
      widths.push(widthDays(estimate));
    }
    widths.sort((a, b) => a - b);
    const medianWidth = widths.length === 0 ? 0 : (widths[Math.floor(widths.length / 2)] as number);
    const rules = Object.fromEntries([...byRule].sort((a, b) => b[1].given - a[1].given));
    const json = {
      corpus: options.corpus ?? 'tbaq',
      documents: documents.length,
      given,
      coverage: documents.length === 0 ? 0 : given / documents.length,
      insideShare: given === 0 ? 0 : right / given,
      overlapShare: given === 0 ? 0 : overlapping / given,
      medianWidthDays: medianWidth,
      rules,
    };
    const text = [
      `Publication date from contents, ${name}: ${documents.length} documents`,
      `estimated            ${given} (${percent(given, documents.length)}%)`,
      `right (inside)       ${right} (${percent(right, given)}% of estimates)`,
      ...('from' in (documents[0]?.truth ?? {})
        ? [`holds a day of them  ${overlapping} (${percent(overlapping, given)}% of estimates)`]
        : []),
      `median range width   ${Math.round(medianWidth)} days`,
      ...[...byRule].map(
        ([rule, tally]) =>
          `  ${rule.padEnd(12)} ${String(tally.given).padStart(5)} given, ${percent(tally.inside, tally.given)}% right`,
      ),
    ].join('\n');
    return { text, json };
  },
};
