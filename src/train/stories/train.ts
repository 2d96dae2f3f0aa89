import { writeFileSync } from 'node:fs';
import type { Trainer, TrainOptions } from '../../eval/contract.js';
import { loadEcbPlus } from '../../eval/stories/evaluate.js';
import { extractStoryTerms, LINK_MODEL_FILE, loadStopwords } from '../../link/clusters/index.js';
import type { Doc } from '../../model/index.js';
import { fitLinkModel } from './fit-link-model.js';

/**
 * `lede train stories`: the link model of link/clusters (how words and event signatures weigh in a
 * story decision), learnt from ECB+ train only. `analyse` gives the documents the layers ingest
 * would (the caller owns the pipeline).
 */
export function createStoriesTrainer(analyse: (doc: Doc) => Doc): Trainer {
  return {
    description: 'weights of words and event signatures for story linking, from ../shared/data/news/ecbplus (train)',
    async run(options: TrainOptions, log) {
      const train = loadEcbPlus('train', options.data);
      const docs = train.docs.map(analyse);
      const stopwords = loadStopwords();
      const terms = docs.map((doc) => extractStoryTerms(doc, stopwords));
      const model = fitLinkModel(
        docs,
        train.records.map((record) => record.cluster ?? record.id),
        { terms, log },
      );
      model.trainedOn = `ECB+ train, ${docs.length} documents (lede train stories)`;
      const out = options.out ?? LINK_MODEL_FILE;
      writeFileSync(out, `${JSON.stringify(model, null, 2)}\n`);
      log(
        `cutoff ${model.cutoff}; weights ${model.features.map((name, i) => `${name} ${model.weights[i]}`).join(', ')}; bias ${model.bias}`,
      );
      log(`written to ${out}`);
      return { out };
    },
  };
}
