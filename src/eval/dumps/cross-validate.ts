/**
 * `lede eval dumps-cv`: the dump line model's body figures measured without the held-out half.
 * The tune half's article-extraction pages are cut into folds by a hash of the page id; for each
 * fold a line model is trained on every training dump except those of the fold's pages (their
 * page-dumps dump and their renders), and the fold's page-dumps dumps are cleaned with it. So a
 * feature or training change can be judged on dumps the model did not learn from, while the
 * held-out half stays unseen until the end. The headline ranker is the shipped one's (training it
 * per fold triples the time, and body lines depend on it only through the lines above the headline).
 * The training seed alone (the perceptron's shuffles, the simulated dumps) moves the body F1 by
 * about 0.01 (0.908, 0.911, 0.902 for seeds 1 to 3), as much as most changes tried: `--mode seeds`
 * repeats the cross-validation for seeds 1 to 3 and gives the mean and range, so a change is
 * judged on more than one seed. The sample of pages moves the figure more than the seed: both modes
 * also give the interval of F1 over the pages drawn again (a bootstrap; 0.871-0.933 for the 58
 * dumps, seed mean), the spread to expect between this half and another sample of pages such as the
 * held-out half (a change that gained 0.009 on the seed mean here lost 0.020 there).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { cleanTextDump, lineModelFromFile, shippedLineModel } from '../../clean/index.js';
import { seededRandom } from '../../nlp/index.js';
import { readJsonlGz, SHARED_DATA } from '../../resources/index.js';
import { type LabelledDump, trainingDumps, trainOnDumps } from '../../train/dump-lines/train.js';
import type { EvalOptions, Evaluation } from '../contract.js';
import type { Counts } from '../score.js';
import { type MacroScore, macroScore, matchShingles } from '../shingles.js';
import { splitOf } from './evaluate.js';
import { pageFieldsByBody, readExtractionPages } from './page-gold.js';

const FOLDS = 4;
/** Training seeds of `--mode seeds`. */
const SEEDS = [1, 2, 3];
const MODES = ['single', 'seeds'] as const;

function foldOf(pageId: string): number {
  return (createHash('sha1').update(`cv:${pageId}`).digest()[0] ?? 0) % FOLDS;
}

interface FoldDump {
  id: string;
  dumper: string;
  pageId: string;
  text: string;
  body: string;
}

/** The tune half's article-extraction dumps with their page and gold body. */
function tuneDumps(data: string): FoldDump[] {
  const fields = pageFieldsByBody(readExtractionPages(data));
  const gold = new Map(
    readJsonlGz<{ id: string; dumper: string; body?: string }>(join(data, 'page-dumps', 'gold.jsonl.gz')).map((g) => [
      g.id,
      g,
    ]),
  );
  return readJsonlGz<{ id: string; text: string }>(join(data, 'page-dumps', 'docs.jsonl.gz')).flatMap((doc) => {
    const entry = gold.get(doc.id);
    const page = entry?.body === undefined ? undefined : fields.get(entry.body)?.page;
    if (!entry?.body || !page || splitOf(doc.id) !== 'tune') return [];
    return [{ id: doc.id, dumper: entry.dumper, pageId: page.id, text: doc.text, body: entry.body }];
  });
}

/** Resamples of the page bootstrap. */
const RESAMPLES = 1000;

/**
 * The 2.5th and 97.5th percentiles of the macro F1 when the pages are drawn again with replacement:
 * how far the figure could move on another sample of pages of the same kind. `runs` holds one list
 * of page counts per run (training seed), aligned by page; a resample scores the runs' mean F1 on the
 * same drawn pages.
 */
export function pageBootstrapF1(runs: readonly (readonly Counts[])[], resamples = RESAMPLES): [number, number] {
  const pages = runs[0]?.length ?? 0;
  if (pages === 0 || runs.some((run) => run.length !== pages)) throw new Error('page bootstrap: runs of unequal pages');
  const random = seededRandom(1);
  const f1s: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const drawn = Array.from({ length: pages }, () => Math.floor(random() * pages));
    const scores = runs.map((run) => macroScore(drawn.map((k) => run[k] as Counts)).f1);
    f1s.push(scores.reduce((sum, f1) => sum + f1, 0) / scores.length);
  }
  f1s.sort((a, b) => a - b);
  const at = (share: number) => f1s[Math.min(resamples - 1, Math.floor(share * resamples))] as number;
  return [at(0.025), at(0.975)];
}

function formatInterval([low, high]: [number, number]): string {
  return `${low.toFixed(3)}-${high.toFixed(3)}`;
}

function formatScore(name: string, score: MacroScore): string {
  return `${name.padEnd(12)} ${score.precision.toFixed(3)}  ${score.recall.toFixed(3)}  ${score.f1.toFixed(3)}  ${String(score.pages).padStart(3)}`;
}

export interface CrossValidated {
  outcomes: { dump: FoldDump; counts: Counts }[];
}

/** Cleans each tune-half dump with a line model trained on `training` less the dumps of its fold's pages. */
export function crossValidateBody(data: string, training: readonly LabelledDump[], seed = 1): CrossValidated {
  const dumps = tuneDumps(data);
  const headline = shippedLineModel()?.headline ?? new Map<string, number>();
  const outcomes: CrossValidated['outcomes'] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const inFold = new Set(dumps.filter((dump) => foldOf(dump.pageId) === fold).map((dump) => dump.pageId));
    const file = trainOnDumps(
      training.filter((dump) => !inFold.has(dump.pageId)),
      { epochs: 8, seed },
      () => {},
    );
    const model = { ...lineModelFromFile(file), headline };
    for (const dump of dumps) {
      if (!inFold.has(dump.pageId)) continue;
      const result = cleanTextDump(dump.text, { lineModel: model });
      outcomes.push({ dump, counts: matchShingles(dump.body, result.text) });
    }
  }
  return { outcomes };
}

export function formatCrossValidated({ outcomes }: CrossValidated): string {
  const groups: [string, CrossValidated['outcomes']][] = [['all', outcomes]];
  for (const dumper of [...new Set(outcomes.map((o) => o.dump.dumper))].sort())
    groups.push([dumper, outcomes.filter((o) => o.dump.dumper === dumper)]);
  const rows = groups.map(([name, group]) => ({ name, score: macroScore(group.map((o) => o.counts)) }));
  const perDump = outcomes.map(({ dump, counts }) => ({
    id: dump.id,
    dumper: dump.dumper,
    precision: counts.tp / Math.max(1, counts.tp + counts.fp),
    recall: counts.tp / Math.max(1, counts.tp + counts.fn),
  }));
  const worst = [...perDump].sort((a, b) => a.precision + a.recall - b.precision - b.recall).slice(0, 15);
  return [
    'group        bodyP  bodyR  bodyF1   n',
    ...rows.map((row) => formatScore(row.name, row.score)),
    `F1 over the pages drawn again (bootstrap, 95%): ${formatInterval(pageBootstrapF1([outcomes.map((o) => o.counts)]))}`,
    'worst dumps (P, R):',
    ...worst.map((w) => `  ${w.id} (${w.dumper})  ${w.precision.toFixed(3)}  ${w.recall.toFixed(3)}`),
  ].join('\n');
}

/** The cross-validation once per training seed: each seed's figures, their mean and range. */
function acrossSeeds(data: string): { text: string; json: unknown } {
  const runs = SEEDS.map((seed) => {
    const { outcomes } = crossValidateBody(data, trainingDumps(data, seed), seed);
    const counts = outcomes.map((o) => o.counts);
    return { seed, counts, score: macroScore(counts) };
  });
  const stat = (pick: (score: MacroScore) => number) => {
    const values = runs.map((run) => pick(run.score));
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    return `${mean.toFixed(3)} (${Math.min(...values).toFixed(3)}-${Math.max(...values).toFixed(3)})`;
  };
  const text = [
    'seed   bodyP  bodyR  bodyF1',
    ...runs.map(
      ({ seed, score }) =>
        `${String(seed).padEnd(6)} ${score.precision.toFixed(3)}  ${score.recall.toFixed(3)}  ${score.f1.toFixed(3)}`,
    ),
    `mean (range): P ${stat((s) => s.precision)}  R ${stat((s) => s.recall)}  F1 ${stat((s) => s.f1)}`,
    `mean F1 over the pages drawn again (bootstrap, 95%): ${formatInterval(pageBootstrapF1(runs.map((run) => run.counts)))}`,
  ].join('\n');
  return { text, json: runs.map(({ seed, score }) => ({ seed, score })) };
}

export const dumpsCrossValidation: Evaluation = {
  description: `body shingle P/R/F1 of ../shared/data/page-dumps' tune half by ${FOLDS}-fold cross-validation of the dump line model (held-out half unseen; --mode seeds: for training seeds ${SEEDS.join(', ')}, with mean and range)`,
  async run(options: EvalOptions) {
    const data = options.data ?? SHARED_DATA;
    const mode = options.mode ?? 'single';
    if (!(MODES as readonly string[]).includes(mode))
      throw new Error(`lede eval dumps-cv: unknown --mode ${mode}; choose one of ${MODES.join(', ')}`);
    const started = performance.now();
    if (mode === 'seeds') {
      const { text, json } = acrossSeeds(data);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      return {
        text: `lede eval dumps-cv --mode seeds: ${FOLDS} folds by page, seeds ${SEEDS.join(', ')}, in ${seconds} s\n${text}`,
        json,
      };
    }
    const result = crossValidateBody(data, trainingDumps(data, 1));
    const text = [
      `lede eval dumps-cv: ${result.outcomes.length} tune-half dumps, ${FOLDS} folds by page, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      formatCrossValidated(result),
    ].join('\n');
    return { text, json: result.outcomes.map(({ dump, counts }) => ({ id: dump.id, dumper: dump.dumper, ...counts })) };
  },
};
