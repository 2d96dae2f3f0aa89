/**
 * `lede eval language`: the language lede gives a document, read through the annotate path (a JSONL
 * line, cleaned and analysed), on data whose language is known:
 * - page dumps (../shared/data/page-dumps), each labelled with the language its source page declares
 *   in `<html lang>` (the pages are in ../shared/data/pubdate and ../shared/data/article-extraction;
 *   the dumps follow their sorted ids, checked here against the gold dates and bodies). The label is
 *   silver: a site template may declare one language for pages in several.
 * - the same pages' `<title>` alone, the short-text case: there `und` is an honest answer, a wrong
 *   language is not.
 * - English corpora: the seed articles, BBC News and the first Reuters-21578 stories.
 */
import { join } from 'node:path';
import { parseJsonlLine } from '../../ingest/index.js';
import type { Doc } from '../../model/index.js';
import { analyseRecord, createDefaultPipeline, type Pipeline } from '../../pipeline/index.js';
import { readJsonlGz, SHARED_DATA } from '../../resources/index.js';
import type { EvalOptions, Evaluation } from '../contract.js';
import { readSeed, seedFiles } from '../gold.js';

interface Labelled {
  id: string;
  text: string;
  title?: string;
  gold: string;
}

interface Tally {
  total: number;
  correct: number;
  undetermined: number;
  wrong: number;
  confusions: Map<string, number>;
  byGold: Map<string, { total: number; correct: number }>;
}

const REUTERS_STORIES = 3000;

function languageOf(pipeline: Pipeline, id: string, fields: { title?: string; text: string }): string {
  const result = parseJsonlLine(JSON.stringify({ id, ...fields }), `eval ${id}`);
  if ('failure' in result) return 'und';
  // No layer asked for: cleaning and the language, as every document gets.
  const doc: Doc = analyseRecord(result.record, pipeline, new Set());
  return doc.meta.language ?? 'und';
}

function score(pairs: readonly { gold: string; found: string }[]): Tally {
  const tally: Tally = { total: 0, correct: 0, undetermined: 0, wrong: 0, confusions: new Map(), byGold: new Map() };
  for (const { gold, found } of pairs) {
    tally.total++;
    const perGold = tally.byGold.get(gold) ?? { total: 0, correct: 0 };
    perGold.total++;
    if (found === gold) {
      tally.correct++;
      perGold.correct++;
    } else if (found === 'und') tally.undetermined++;
    else {
      tally.wrong++;
      const key = `${gold}→${found}`;
      tally.confusions.set(key, (tally.confusions.get(key) ?? 0) + 1);
    }
    tally.byGold.set(gold, perGold);
  }
  return tally;
}

/** The primary language subtag the page declares on its `<html>` element, lower case. */
function declaredLanguage(html: string): string | undefined {
  return /<html\b[^>]*?\slang\s*=\s*["']?([a-z]{2,3})\b/i.exec(html)?.[1]?.toLowerCase();
}

/** The dumps with the pages they were made from, paired by sorted id and checked against the gold. */
function labelledDumps(limit: number | undefined): Labelled[] {
  const shared = SHARED_DATA;
  const docs = readJsonlGz<{ id: string; text: string }>(join(shared, 'page-dumps', 'docs.jsonl.gz'));
  const gold = readJsonlGz<{ id: string; set: string; date?: string | null; body?: string }>(
    join(shared, 'page-dumps', 'gold.jsonl.gz'),
  );
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const pubdate = readJsonlGz<{ id: string; html: string; date: string | null }>(
    join(shared, 'pubdate', 'pubdate.shared.jsonl.gz'),
  ).sort(byId);
  const extraction = readJsonlGz<{ id: string; html: string; articleBody: string }>(
    join(shared, 'article-extraction', 'article-extraction.shared.jsonl.gz'),
  ).sort(byId);
  const texts = new Map(docs.map((doc) => [doc.id, doc.text]));
  const pages = { pubdate: 0, extraction: 0 };
  const labelled: Labelled[] = [];
  for (const entry of gold) {
    const fromPubdate = entry.set === 'pubdate';
    const page = fromPubdate ? pubdate[pages.pubdate++] : extraction[pages.extraction++];
    const same = fromPubdate
      ? (page as { date: string | null } | undefined)?.date === entry.date
      : (page as { articleBody: string } | undefined)?.articleBody.slice(0, 60) === entry.body?.slice(0, 60);
    if (!page || !same) throw new Error(`page-dumps ${entry.id} does not line up with its source page`);
    const language = declaredLanguage(page.html);
    const text = texts.get(entry.id);
    if (!language || !text?.trim()) continue;
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(page.html)?.[1]?.trim();
    labelled.push({ id: entry.id, text, title: title ? decodeEntities(title) : undefined, gold: language });
  }
  return labelled.slice(0, limit);
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

function englishCorpora(pipeline: Pipeline, limit: number | undefined): Record<string, Tally> {
  const seeds = seedFiles().map((file) => ({
    gold: 'en',
    found: languageOf(pipeline, file, { text: readSeed(file) }),
  }));
  const news = (path: string, most: number | undefined) =>
    readJsonlGz<{ id: string; title?: string; text: string }>(join(SHARED_DATA, 'news', path), most).map((record) => ({
      gold: 'en',
      found: languageOf(pipeline, record.id, { title: record.title, text: record.text }),
    }));
  return {
    seeds: score(seeds),
    bbc: score(news(join('bbc', 'bbc.jsonl.gz'), limit)),
    reuters: score(news(join('reuters21578', 'reuters21578.jsonl.gz'), limit ?? REUTERS_STORIES)),
  };
}

const ratio = (part: number, whole: number) => (whole === 0 ? '—' : (part / whole).toFixed(3));

function summary(name: string, tally: Tally): string {
  return `${name.padEnd(22)} ${ratio(tally.correct, tally.total).padStart(6)}  (${tally.correct} of ${tally.total}; und ${tally.undetermined}, another language ${tally.wrong})`;
}

function toJson(tally: Tally) {
  return {
    total: tally.total,
    correct: tally.correct,
    accuracy: tally.total ? tally.correct / tally.total : null,
    undetermined: tally.undetermined,
    wrong: tally.wrong,
    confusions: Object.fromEntries([...tally.confusions].sort((a, b) => b[1] - a[1])),
    byGold: Object.fromEntries(tally.byGold),
  };
}

export const languageEvaluation: Evaluation = {
  description:
    'document language through lede annotate: page dumps against their pages’ <html lang>, page titles alone, English corpora',
  async run(options: EvalOptions) {
    const pipeline = await createDefaultPipeline();
    const labelled = labelledDumps(options.limit);
    const dumps = score(
      labelled.map((item) => ({ gold: item.gold, found: languageOf(pipeline, item.id, { text: item.text }) })),
    );
    const titled = labelled.filter((item) => item.title);
    const titles = score(
      titled.map((item) => ({ gold: item.gold, found: languageOf(pipeline, item.id, { text: item.title as string }) })),
    );
    const english = englishCorpora(pipeline, options.limit);
    // Baseline in the same run: every dump in the language most pages declare.
    const majority = [...dumps.byGold].sort((a, b) => b[1].total - a[1].total)[0];
    const baseline = score(labelled.map((item) => ({ gold: item.gold, found: majority?.[0] ?? 'und' })));
    const lines = [
      'Document language (meta.language) through lede annotate',
      'set                    accuracy',
      summary('page dumps', dumps),
      summary(`  baseline: all "${majority?.[0] ?? 'und'}"`, baseline),
      summary('page titles alone', titles),
      ...Object.entries(english).map(([name, tally]) => summary(`${name} (English)`, tally)),
      '',
      'page dumps by declared language (correct / total):',
      `  ${[...dumps.byGold]
        .sort((a, b) => b[1].total - a[1].total)
        .map(([language, tally]) => `${language} ${tally.correct}/${tally.total}`)
        .join(', ')}`,
      'most frequent disagreements (declared→found):',
      `  ${[...dumps.confusions]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([pair, count]) => `${pair} ${count}`)
        .join(', ')}`,
      '',
      'Page labels are what the page declares; a site template can be wrong (an English site’s German page).',
    ];
    return {
      text: lines.join('\n'),
      json: {
        dumps: toJson(dumps),
        baseline: { language: majority?.[0], ...toJson(baseline) },
        titles: toJson(titles),
        ...Object.fromEntries(Object.entries(english).map(([name, tally]) => [name, toJson(tally)])),
      },
    };
  },
};
