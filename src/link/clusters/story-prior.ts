import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PROJECT_ROOT } from '../../eval/gold.js';
import type { Trainer, TrainOptions } from '../../eval/registry.js';
import { NEWS_DATA, type NewsRecord, readJsonl } from '../news-data.js';
import { extractStoryTerms, loadStopwords } from './story-terms.js';

/** Document frequencies of story terms in a background news corpus: how rare a term is before any document arrives. */
export interface StoryPrior {
  docs: number;
  df: Map<string, number>;
}

export const STORY_PRIOR_FILE = join(PROJECT_ROOT, 'models/story-df.json.gz');

/** Terms seen in fewer documents than this are left out: absent terms count as unseen, which is nearly the same. */
const MIN_DF = 3;

export function buildStoryPrior(texts: readonly { text: string; title?: string | null }[]): StoryPrior {
  const stopwords = loadStopwords();
  const df = new Map<string, number>();
  for (const { text, title } of texts) {
    const terms = extractStoryTerms(
      {
        text,
        meta: { headline: title ?? undefined, sections: [], captions: [], subheads: [], boilerplate: [] },
        layers: {},
      },
      stopwords,
    );
    for (const term of terms.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  }
  for (const [term, count] of df) if (count < MIN_DF) df.delete(term);
  return { docs: texts.length, df };
}

let cached: StoryPrior | null | undefined;

/** The shipped prior, or null when `lede train story-prior` has not been run. */
export function loadStoryPrior(file = STORY_PRIOR_FILE): StoryPrior | null {
  if (file === STORY_PRIOR_FILE && cached !== undefined) return cached;
  const prior = existsSync(file)
    ? (() => {
        const json = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as {
          docs: number;
          df: Record<string, number>;
        };
        return { docs: json.docs, df: new Map(Object.entries(json.df)) };
      })()
    : null;
  if (file === STORY_PRIOR_FILE) cached = prior;
  return prior;
}

/** `lede train story-prior`: document frequencies over the BBC and Reuters articles (no labels used). */
export const storyPriorTrainer: Trainer = {
  description: 'document frequencies of story terms over ../shared/data/news/bbc and reuters21578, for link/clusters',
  async run(options: TrainOptions, log) {
    const data = options.data ?? NEWS_DATA;
    const records = ['bbc', 'reuters21578'].flatMap((corpus) =>
      readJsonl<NewsRecord>(join(data, corpus, `${corpus}.jsonl.gz`)),
    );
    log(`${records.length} articles`);
    const prior = buildStoryPrior(records);
    const out = options.out ?? STORY_PRIOR_FILE;
    const sorted = [...prior.df].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    writeFileSync(out, gzipSync(JSON.stringify({ docs: prior.docs, minDf: MIN_DF, df: Object.fromEntries(sorted) })));
    log(`${prior.df.size} terms with document frequency ≥ ${MIN_DF} written to ${out}`);
    return { out };
  },
};
