import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Trainer, TrainOptions } from '../../eval/contract.js';
import { NEWS_DATA, type NewsRecord, readJsonl } from '../../eval/news-data.js';
import { buildStoryPrior, MIN_DF, STORY_PRIOR_FILE } from '../../link/clusters/index.js';

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
