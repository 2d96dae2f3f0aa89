/**
 * `lede train dump-lines`: the dump line classifier, from lines labelled by aligning gold bodies
 * (label-lines.ts) on (1) the tune half of ../shared/data/page-dumps' article-extraction dumps and
 * (2) the article-extraction HTML pages rendered by render-html.ts in four dumper styles. A page
 * whose dump is in the held-out half is left out of both: the dumps were made from these pages.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  classifyLines,
  dumpLines,
  LINE_MODEL_PATH,
  LINE_ROLES,
  type LineModelFile,
  type LineRole,
  lineFeatures,
  lineModelFromFile,
} from '../../clean/index.js';
import type { Trainer, TrainOptions } from '../../eval/contract.js';
import { splitOf } from '../../eval/dumps/evaluate.js';
import { type ExtractionPage, pageFieldsByBody, readExtractionPages } from '../../eval/dumps/page-gold.js';
import { seededRandom } from '../../nlp/index.js';
import { readJsonlGz, SHARED_DATA } from '../../resources/index.js';
import { type RankingExample, rankingExample, trainHeadlineRanker } from './headline-ranker.js';
import { labelLines, type PageGold } from './label-lines.js';
import { type LineExample, normaliseWeights, toModelFile, trainPerceptron } from './perceptron.js';
import { RENDER_STYLES, renderHtml } from './render-html.js';
import { plainDump, SIMULATED_TRAIN, simulateDump, simulatorArticles, TRAIN_TEMPLATES } from './scrape-simulator.js';

export interface LabelledDump {
  text: string;
  /** The page's gold, to label lines by (label-lines.ts), or the roles themselves (simulated dumps). */
  gold: PageGold | LineRole[];
  /** The article-extraction page it shows. */
  pageId: string;
}

/** Features seen fewer times than this are dropped: they cannot be learnt and bloat the model. */
const MIN_FEATURE_COUNT = 2;
/** The most frequent words of the training bodies, as the function-word list (the model ships it). */
const FUNCTION_WORDS = 150;

/** Tune-half dumps and renders of the pages behind them, each with its page's gold. */
export function labelledDumps(data: string): LabelledDump[] {
  const pages = readExtractionPages(data);
  const fields = pageFieldsByBody(pages);
  const dumps = readJsonlGz<{ id: string; text: string }>(join(data, 'page-dumps', 'docs.jsonl.gz'));
  const dumpGold = new Map(
    readJsonlGz<{ id: string; body?: string }>(join(data, 'page-dumps', 'gold.jsonl.gz')).map((g) => [g.id, g]),
  );
  const heldOutPages = new Set<string>();
  const tuneDumps: { text: string; page: ExtractionPage; id: string }[] = [];
  for (const dump of dumps) {
    const body = dumpGold.get(dump.id)?.body;
    const page = body === undefined ? undefined : fields.get(body)?.page;
    if (!page) continue;
    if (splitOf(dump.id) === 'held-out') heldOutPages.add(page.id);
    else tuneDumps.push({ text: dump.text, page, id: dump.id });
  }
  const pageGold = (page: ExtractionPage): PageGold => {
    const own = fields.get(page.articleBody);
    return { body: page.articleBody, headline: own?.headline, captions: own?.captions };
  };
  const out: LabelledDump[] = tuneDumps.map((dump) => ({
    text: dump.text,
    gold: pageGold(dump.page),
    pageId: dump.page.id,
  }));
  for (const page of pages) {
    if (heldOutPages.has(page.id)) continue;
    for (const style of RENDER_STYLES)
      out.push({ text: renderHtml(page.html, style), gold: pageGold(page), pageId: page.id });
  }
  return out;
}

/** BBC articles wrapped by the training templates of the scrape simulator, and some as clean text files. */
function simulatedDumps(data: string, seed: number): LabelledDump[] {
  const articles = simulatorArticles(data).slice(0, SIMULATED_TRAIN);
  const random = seededRandom(seed + 1);
  return articles.map((record, k) => {
    const article = { title: record.title ?? '', section: record.section ?? 'news', text: record.text };
    const pageId = `bbc:${record.id}`;
    if (k % 4 === 3) {
      const plain = plainDump(article, 1 + (k % 7));
      return { text: plain.text, gold: plain.roles, pageId };
    }
    const related = articles.slice(k + 1, k + 6).map((other) => other.title ?? '');
    const template = TRAIN_TEMPLATES[k % TRAIN_TEMPLATES.length] as number;
    const dump = simulateDump(article, template, related, random);
    return { text: dump.text, gold: dump.roles, pageId };
  });
}

function functionWordsOf(bodies: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const body of bodies)
    for (const word of body.toLowerCase().match(/\p{L}+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, FUNCTION_WORDS)
    .map(([word]) => word);
}

/** Trains a line model on `examples` and returns it as the model file (no headline weights yet). */
function trainLineModel(
  examples: readonly LineExample[],
  names: readonly string[],
  functionWords: readonly string[],
  options: TrainOptions,
  log: (line: string) => void,
): LineModelFile {
  const weights = normaliseWeights(
    trainPerceptron(examples, names.length, options.epochs ?? 8, options.seed ?? 1, log),
    examples,
  );
  return toModelFile(weights, names, functionWords);
}

/**
 * Headline ranking examples from the dumps of each half (by page), classified by a line model
 * trained on the other half, so the ranker sees the classifier's errors on dumps it did not learn from.
 */
function crossFittedRanking(
  dumps: readonly LabelledDump[],
  examples: readonly LineExample[],
  names: readonly string[],
  functionWords: readonly string[],
  options: TrainOptions,
  log: (line: string) => void,
): RankingExample[] {
  const ranking: RankingExample[] = [];
  for (const fold of [0, 1]) {
    const inFold = (dump: LabelledDump) => (createHash('sha1').update(dump.pageId).digest()[0] ?? 0) % 2 === fold;
    const train = examples.filter((_, k) => !inFold(dumps[k] as LabelledDump));
    const model = lineModelFromFile(trainLineModel(train, names, functionWords, options, () => {}));
    dumps.forEach((dump, k) => {
      if (!inFold(dump)) return;
      const lines = classifyLines(dump.text, model);
      const roles = examples[k]?.roles ?? [];
      const headlineAt = roles.indexOf(LINE_ROLES.indexOf('headline'));
      ranking.push(rankingExample(lines, headlineAt < 0 ? undefined : lines[headlineAt]?.index));
    });
    log(
      `fold ${fold}: line model on ${train.length} dumps, headline candidates from the other ${dumps.length - train.length}`,
    );
  }
  return ranking;
}

/** Features, roles and the feature table of `dumps`, and the function words read from their gold bodies. */
export function featuriseDumps(dumps: readonly LabelledDump[]): {
  examples: LineExample[];
  names: string[];
  functionWords: string[];
  tally: Map<LineRole, number>;
} {
  const functionWords = functionWordsOf([
    ...new Set(dumps.flatMap((dump) => (Array.isArray(dump.gold) ? [] : [dump.gold.body]))),
  ]);
  const functionSet = new Set(functionWords);
  const counts = new Map<string, number>();
  const featured = dumps.map((dump) => {
    const lines = dumpLines(dump.text);
    const features = lineFeatures(lines, functionSet);
    for (const list of features) for (const name of list) counts.set(name, (counts.get(name) ?? 0) + 1);
    const roles = Array.isArray(dump.gold) ? dump.gold : labelLines(lines, dump.gold);
    if (roles.length !== lines.length)
      throw new Error(`${dump.pageId}: ${roles.length} roles for ${lines.length} lines`);
    return { features, roles };
  });
  const names = [...counts].filter(([, count]) => count >= MIN_FEATURE_COUNT).map(([name]) => name);
  names.sort();
  const ids = new Map(names.map((name, id) => [name, id]));
  const examples: LineExample[] = featured.map(({ features, roles }) => ({
    features: features.map((list) => Int32Array.from(list.flatMap((name) => ids.get(name) ?? []))),
    roles: roles.map((role) => LINE_ROLES.indexOf(role)),
  }));
  const tally = new Map<LineRole, number>();
  for (const { roles } of featured) for (const role of roles) tally.set(role, (tally.get(role) ?? 0) + 1);
  return { examples, names, functionWords, tally };
}

/** The line model (no headline ranker) trained on `dumps`. */
export function trainOnDumps(
  dumps: readonly LabelledDump[],
  options: TrainOptions,
  log: (line: string) => void,
): LineModelFile {
  const { examples, names, functionWords } = featuriseDumps(dumps);
  return trainLineModel(examples, names, functionWords, options, log);
}

/** Every dump the shipped model learns from, `excludedPages` left out. */
export function trainingDumps(data: string, seed: number, excludedPages?: ReadonlySet<string>): LabelledDump[] {
  const dumps = [...labelledDumps(data), ...simulatedDumps(data, seed)];
  return excludedPages ? dumps.filter((dump) => !excludedPages.has(dump.pageId)) : dumps;
}

export const dumpLinesTrainer: Trainer = {
  description:
    'the text-dump line classifier (averaged structured perceptron) and headline ranker from the tune half of ../shared/data/page-dumps and rendered article-extraction pages',
  async run(options: TrainOptions, log) {
    const data = options.data ?? SHARED_DATA;
    const started = performance.now();
    const dumps = trainingDumps(data, options.seed ?? 1);
    const { examples, names, functionWords, tally } = featuriseDumps(dumps);
    log(
      `${dumps.length} labelled dumps, ${examples.reduce((sum, e) => sum + e.roles.length, 0)} lines (${LINE_ROLES.map((role) => `${role} ${tally.get(role) ?? 0}`).join(', ')}), ${names.length} features`,
    );
    const ranking = crossFittedRanking(dumps, examples, names, functionWords, options, log);
    const file = trainLineModel(examples, names, functionWords, options, log);
    file.headline = trainHeadlineRanker(ranking, options.epochs ?? 8, options.seed ?? 1, log);
    const out = options.out ?? LINE_MODEL_PATH;
    const bytes = gzipSync(JSON.stringify(file));
    writeFileSync(out, bytes);
    log(
      `${Object.keys(file.features).length} feature rows, ${bytes.length} bytes written to ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return { out };
  },
};
