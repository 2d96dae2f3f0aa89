/**
 * `lede train dump-lines`: the dump line classifier, from lines labelled by aligning gold bodies
 * (label-lines.ts) on (1) the tune half of ../shared/data/page-dumps' article-extraction dumps and
 * (2) the article-extraction HTML pages rendered by render-html.ts in four dumper styles. A page
 * whose dump is in the held-out half is left out of both: the dumps were made from these pages.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { dumpLines, LINE_MODEL_PATH, LINE_ROLES, type LineRole, lineFeatures } from '../../clean/index.js';
import { readJsonlGz, SHARED_DATA } from '../../resources/index.js';
import type { Trainer, TrainOptions } from '../../eval/contract.js';
import { splitOf } from '../../eval/dumps/evaluate.js';
import { type ExtractionPage, pageFieldsByBody, readExtractionPages } from '../../eval/dumps/page-gold.js';
import { labelLines, type PageGold } from './label-lines.js';
import { type LineExample, normaliseWeights, toModelFile, trainPerceptron } from './perceptron.js';
import { RENDER_STYLES, renderHtml } from './render-html.js';

interface LabelledDump {
  text: string;
  gold: PageGold;
  from: string;
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
  const out: LabelledDump[] = tuneDumps.map((dump) => ({ text: dump.text, gold: pageGold(dump.page), from: dump.id }));
  for (const page of pages) {
    if (heldOutPages.has(page.id)) continue;
    for (const style of RENDER_STYLES)
      out.push({ text: renderHtml(page.html, style), gold: pageGold(page), from: `${page.id.slice(0, 8)}:${style}` });
  }
  return out;
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

export const dumpLinesTrainer: Trainer = {
  description:
    'the text-dump line classifier (averaged structured perceptron) from the tune half of ../shared/data/page-dumps and rendered article-extraction pages',
  async run(options: TrainOptions, log) {
    const data = options.data ?? SHARED_DATA;
    const started = performance.now();
    const dumps = labelledDumps(data);
    const functionWords = functionWordsOf([...new Set(dumps.map((dump) => dump.gold.body))]);
    const functionSet = new Set(functionWords);
    const counts = new Map<string, number>();
    const featured = dumps.map((dump) => {
      const lines = dumpLines(dump.text);
      const features = lineFeatures(lines, functionSet);
      for (const list of features) for (const name of list) counts.set(name, (counts.get(name) ?? 0) + 1);
      return { features, roles: labelLines(lines, dump.gold) };
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
    log(
      `${dumps.length} labelled dumps, ${examples.reduce((sum, e) => sum + e.roles.length, 0)} lines (${LINE_ROLES.map((role) => `${role} ${tally.get(role) ?? 0}`).join(', ')}), ${names.length} features`,
    );
    const weights = normaliseWeights(
      trainPerceptron(examples, names.length, options.epochs ?? 8, options.seed ?? 1, log),
      examples,
    );
    const file = toModelFile(weights, names, functionWords);
    const out = options.out ?? LINE_MODEL_PATH;
    const bytes = gzipSync(JSON.stringify(file));
    writeFileSync(out, bytes);
    log(
      `${Object.keys(file.features).length} feature rows, ${bytes.length} bytes written to ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return { out };
  },
};
