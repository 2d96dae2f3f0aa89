/**
 * `lede eval scrape-sim`: BBC articles that `lede train dump-lines` did not use, wrapped by the
 * scrape simulator (src/train/dump-lines/scrape-simulator.ts), cleaned as text dumps. Headline
 * (same words as the title), publication day, section (named in the dump's breadcrumb) and body
 * shingle F1, on the templates kept apart from training and, for contrast, on the training ones.
 */
import { join } from 'node:path';
import { cleanTextDump } from '../../clean/index.js';
import { seededRandom } from '../../nlp/index.js';
import { SHARED_DATA } from '../../resources/index.js';
import {
  HELD_APART_TEMPLATES,
  SIMULATED_TRAIN,
  simulateDump,
  simulatorArticles,
  TRAIN_TEMPLATES,
} from '../../train/dump-lines/scrape-simulator.js';
import type { EvalOptions, Evaluation } from '../contract.js';
import { headlineTokens } from '../dumps/page-gold.js';
import { macroScore, matchShingles } from '../shingles.js';

/** Articles per template group. */
const ARTICLES = 200;

interface GroupScore {
  name: string;
  dumps: number;
  headline: number;
  headlineNone: number;
  date: number;
  section: number;
  bodyF1: number;
}

function scoreTemplates(name: string, templates: readonly number[], data: string, limit: number): GroupScore {
  const articles = simulatorArticles(data).slice(SIMULATED_TRAIN);
  const random = seededRandom(11);
  let headline = 0;
  let none = 0;
  let date = 0;
  let section = 0;
  let shown = 0;
  const bodies = [];
  const count = Math.min(limit, articles.length - 6);
  for (let k = 0; k < count; k++) {
    const record = articles[k] as (typeof articles)[number];
    const article = { title: record.title ?? '', section: record.section ?? 'news', text: record.text };
    const related = articles.slice(k + 1, k + 6).map((other) => other.title ?? '');
    const dump = simulateDump(article, templates[k % templates.length] as number, related, random);
    const result = cleanTextDump(dump.text);
    if (result.meta.headline === undefined) none++;
    else if (headlineTokens(result.meta.headline) === headlineTokens(dump.headline)) headline++;
    if (result.meta.published?.value.slice(0, 10) === dump.day) date++;
    if (dump.sectionShown) {
      shown++;
      if (result.meta.sections.includes(dump.section)) section++;
    }
    bodies.push(matchShingles(article.text, result.text));
  }
  return {
    name,
    dumps: count,
    headline: headline / count,
    headlineNone: none / count,
    date: date / count,
    section: shown ? section / shown : 0,
    bodyF1: macroScore(bodies).f1,
  };
}

export const scrapeSimEvaluation: Evaluation = {
  description: 'headline, date, sections and body of simulated scrapes of unseen BBC articles, on templates kept apart',
  async run(options: EvalOptions) {
    const data = options.data ?? SHARED_DATA;
    const limit = options.limit ?? ARTICLES;
    const started = performance.now();
    const rows = [
      scoreTemplates(`held-apart templates ${HELD_APART_TEMPLATES.join(',')}`, HELD_APART_TEMPLATES, data, limit),
      scoreTemplates(`training templates ${TRAIN_TEMPLATES.join(',')}`, TRAIN_TEMPLATES, data, limit),
    ];
    const f = (value: number) => value.toFixed(3);
    const text = [
      `lede eval scrape-sim: BBC articles not used in training (${join(data, 'news', 'bbc')}), wrapped by the scrape simulator, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      'headline: same words as the title (none: no headline); section: named in meta.sections, over dumps showing a breadcrumb',
      `${'group'.padEnd(30)}  dumps  headline  (none)   date  section  bodyF1`,
      ...rows.map(
        (row) =>
          `${row.name.padEnd(30)}  ${String(row.dumps).padStart(5)}  ${f(row.headline).padStart(8)}  (${f(row.headlineNone)})  ${f(row.date)}  ${f(row.section).padStart(7)}  ${f(row.bodyF1)}`,
      ),
    ].join('\n');
    return { text, json: { rows } };
  },
};
