/**
 * `lede eval dumps`: the batch interface (`lede annotate`) on ../shared/data/page-dumps, text dumps
 * of real pages by four dumpers. Body: word 4-gram shingle P/R/F1, macro over documents, beside the
 * floor of the whole dump taken as the body. Date: accuracy over the dumps whose gold day is written
 * in them, beside the floor of the first date in the dump, and the count of dates that are no real
 * calendar day. Each figure per dumper, and for dates also on two halves split by a hash of the id,
 * so a choice made looking at one half can be checked on the other (`--split tune` learns the date
 * scorer's weights on that half: learn-weights.ts).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { classifyLines, findDates, shippedLineModel } from '../../clean/index.js';
import { parseJsonlLine } from '../../ingest/index.js';
import { analyseRecord, createDefaultPipeline, toBatchRecord } from '../../pipeline/index.js';
import { readJsonlGz, SHARED_DATA } from '../../resources/index.js';
import type { EvalOptions, Evaluation } from '../contract.js';
import { type MacroScore, macroScore, matchShingles } from '../shingles.js';
import { dateExample, formatLearnt, learnDateWeights } from './learn-weights.js';
import { headlineTokens, pageFieldsByBody, readExtractionPages } from './page-gold.js';
import {
  type DateScore,
  type DumpOutcome,
  type HeadlineScore,
  isCalendarDay,
  scoreDates,
  scoreHeadlines,
} from './score-dumps.js';

interface DumpGold {
  id: string;
  set: 'article-extraction' | 'pubdate';
  dumper: string;
  body?: string;
  date?: string | null;
  date_visible?: boolean;
}

/** Half of the ids by a hash, the same every run: `tune` was looked at while choosing the date scorer, `held-out` was not. */
export function splitOf(id: string): 'tune' | 'held-out' {
  const first = createHash('sha1').update(id).digest()[0] ?? 0;
  return first % 2 === 0 ? 'tune' : 'held-out';
}

/**
 * One dump through the annotate path: the JSONL line a user would feed `lede annotate`, read and
 * analysed the same way. A line annotate answers with an error (an empty dump) gives no body and no date.
 */
function annotateDump(id: string, text: string, pipeline: Awaited<ReturnType<typeof createDefaultPipeline>>) {
  const line = JSON.stringify({ id, text });
  const result = parseJsonlLine(line, `page-dumps ${id}`);
  if ('failure' in result) return { text: '', published: null, headline: null };
  // Body and date come from cleaning; no analysis layer is needed for them.
  return toBatchRecord(id, analyseRecord(result.record, pipeline, new Set()));
}

export const dumpsEvaluation: Evaluation = {
  description: 'body and publication day of plain-text page dumps through lede annotate on ../shared/data/page-dumps',
  async run(options: EvalOptions) {
    const folder = options.data ?? join(SHARED_DATA, 'page-dumps');
    const docs = readJsonlGz<{ id: string; text: string }>(join(folder, 'docs.jsonl.gz'), options.limit);
    const gold = new Map(readJsonlGz<DumpGold>(join(folder, 'gold.jsonl.gz')).map((entry) => [entry.id, entry]));
    if (options.split === 'tune') return learnOnTuneHalf(docs, gold);
    if (options.split !== undefined)
      throw new Error(
        `lede eval dumps: unknown --split ${options.split}; the only split is tune (learn the date weights on the tune half)`,
      );
    const pages = pageFieldsByBody(readExtractionPages(join(folder, '..')));
    const pipeline = await createDefaultPipeline();
    const started = performance.now();
    const outcomes: DumpOutcome[] = [];
    for (const doc of docs) {
      const entry = gold.get(doc.id);
      if (!entry) throw new Error(`${join(folder, 'gold.jsonl.gz')}: no gold record for id ${doc.id}`);
      const record = annotateDump(doc.id, doc.text, pipeline);
      const goldHeadline = entry.body === undefined ? undefined : pages.get(entry.body)?.headline;
      const dumpLines = new Set(doc.text.split('\n').map(headlineTokens));
      outcomes.push({
        id: doc.id,
        dumper: entry.dumper,
        split: splitOf(doc.id),
        goldBody: entry.body,
        goldDate: entry.set === 'pubdate' ? (entry.date ?? null) : undefined,
        dateVisible: entry.date_visible === true,
        body: record.text,
        whole: doc.text,
        date: record.published?.value,
        firstDate: findDates(doc.text)[0]?.day,
        goldHeadline,
        headlineVisible: goldHeadline !== undefined && dumpLines.has(headlineTokens(goldHeadline)),
        headline: record.headline ?? undefined,
      });
    }
    const seconds = (performance.now() - started) / 1000;
    const speed = classifierSpeed(docs.map((doc) => doc.text));
    const groups: [string, DumpOutcome[]][] = [['all', outcomes]];
    for (const dumper of [...new Set(outcomes.map((outcome) => outcome.dumper))].sort())
      groups.push([dumper, outcomes.filter((outcome) => outcome.dumper === dumper)]);
    for (const split of ['tune', 'held-out'])
      groups.push([`split:${split}`, outcomes.filter((outcome) => outcome.split === split)]);
    const rows = groups.map(([name, group]) => ({ name, ...scoreGroup(group) }));
    const text = [
      `lede eval dumps: ${docs.length} dumps of ${folder} through lede annotate in ${seconds.toFixed(1)} s`,
      'body: word 4-gram shingles, macro over the article-extraction dumps; floor = whole dump as body',
      'date: accuracy over dumps with the day visible; floor = first date in the dump; invalid = not a calendar day',
      'headline: the same words as the page title (HTML og:title/h1, by lede clean), over the article-extraction dumps showing it on a line',
      `${'group'.padEnd(15)}  bodyP   bodyR  bodyF1  floorF1 | dateAcc  floor     n  invalid`,
      ...rows.map(formatRow),
      'date misses:',
      ...outcomes
        .filter((outcome) => outcome.dateVisible && outcome.date?.slice(0, 10) !== outcome.goldDate)
        .slice(0, 10)
        .map(
          (outcome) => `  ${outcome.id} (${outcome.dumper})  gold ${outcome.goldDate}  got ${outcome.date ?? 'none'}`,
        ),
      speed,
      'headlines (all groups):',
      ...rows.map((row) => formatHeadlineRow(row.name, row.headline)),
    ].join('\n');
    return { text, json: { rows, seconds, invalid: outcomes.filter((o) => o.date && !isCalendarDay(o.date)).length } };
  },
};

/** The line classifier alone (features, emissions, Viterbi) over every dump, per KB of dump text. */
function classifierSpeed(texts: readonly string[]): string {
  const model = shippedLineModel();
  if (!model) return 'line classifier: no model (lede train dump-lines)';
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (const text of texts) classifyLines(text, model);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const kb = bytes / 1024;
  // Processor time is what the classifier costs; wall time also counts waits for other processes on the machine.
  return `line classifier: ${(cpuMs / kb).toFixed(3)} ms of processor time per KB (wall ${(ms / kb).toFixed(3)}), ${(kb / 1024).toFixed(1)} MB`;
}

function learnOnTuneHalf(docs: { id: string; text: string }[], gold: Map<string, DumpGold>) {
  const examples = docs.flatMap((doc) => {
    const entry = gold.get(doc.id);
    if (!entry?.date_visible || !entry.date) return [];
    return [dateExample(doc.text, entry.date, splitOf(doc.id))];
  });
  const learnt = learnDateWeights(examples);
  return { text: formatLearnt(examples, learnt), json: { learnt } };
}

function formatHeadlineRow(name: string, score: HeadlineScore): string {
  if (!score.visible) return `  ${name.padEnd(15)}  -`;
  return `  ${name.padEnd(15)}  right ${score.accuracy.toFixed(3)}  wrong ${score.wrong.toFixed(3)}  none ${score.none.toFixed(3)}  n ${score.visible}`;
}

function scoreGroup(group: DumpOutcome[]): {
  body: MacroScore;
  floor: MacroScore;
  date: DateScore;
  headline: HeadlineScore;
} {
  const withBody = group.filter((outcome) => outcome.goldBody !== undefined);
  return {
    body: macroScore(withBody.map((outcome) => matchShingles(outcome.goldBody ?? '', outcome.body))),
    floor: macroScore(withBody.map((outcome) => matchShingles(outcome.goldBody ?? '', outcome.whole))),
    date: scoreDates(group),
    headline: scoreHeadlines(group),
  };
}

function formatRow(row: { name: string; body: MacroScore; floor: MacroScore; date: DateScore }): string {
  const f = (value: number) => value.toFixed(3).padStart(6);
  const body = row.body.pages
    ? `${f(row.body.precision)}  ${f(row.body.recall)}  ${f(row.body.f1)}  ${f(row.floor.f1)} `
    : `${' '.repeat(33)} `;
  const date = row.date.visible
    ? `${f(row.date.accuracy)}  ${f(row.date.floorAccuracy)}  ${String(row.date.visible).padStart(4)}`
    : ' '.repeat(20);
  return `${row.name.padEnd(15)}  ${body}| ${date}  ${String(row.date.invalid).padStart(6)}`;
}
