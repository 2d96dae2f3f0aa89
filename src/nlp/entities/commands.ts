/** The `lede eval entities` and `lede train entities` registry entries. */

import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT, SHARED_DATA } from '../../eval/gold.js';
import type { Evaluation, Trainer } from '../../eval/registry.js';
import { readConll } from './conll.js';
import { evaluateOnConll, formatConllReport } from './evaluate.js';
import { loadCountryLists, loadNameLines, loadNameTable } from './lists.js';
import { writeEntityModel } from './model.js';
import { trainEntityTagger } from './train.js';

export const ENTITY_MODEL_PATH = join(PROJECT_ROOT, 'models', 'entities.json.gz');
const CONLL_DIR = join(SHARED_DATA, 'ner', 'conll2003');

export const entitiesEvaluation: Evaluation = {
  description: 'entity-level P/R/F1 per type and micro on CoNLL-2003 dev, beside a capitalisation baseline',
  async run(options) {
    const report = evaluateOnConll(ENTITY_MODEL_PATH, options.data ?? CONLL_DIR, options.split ?? 'dev', options.limit);
    return { text: formatConllReport(report), json: report };
  },
};

export const entitiesTrainer: Trainer = {
  description: 'averaged structured perceptron over BILOU tags, from CoNLL-2003 train',
  async run(options, log) {
    const dataDir = options.data ?? CONLL_DIR;
    const out = options.out ?? ENTITY_MODEL_PATH;
    const file = trainEntityTagger({
      train: readConll(join(dataDir, 'train.txt.gz')),
      dev: readConll(join(dataDir, 'dev.txt.gz')),
      listed: [
        ...loadCountryLists(join(SHARED_DATA, 'gazetteers')),
        ...loadNameTable(join(PROJECT_ROOT, 'data', 'entities', 'names.tsv')),
        ...loadNameLines(join(PROJECT_ROOT, 'data', 'entities', 'given-names.txt'), 'FIRST'),
      ],
      epochs: options.epochs ?? 8,
      seed: options.seed ?? 1,
      minCount: 1,
      folds: 5,
      prune: 0.01,
      log,
    });
    mkdirSync(dirname(out), { recursive: true });
    writeEntityModel(out, file);
    return { out };
  },
};
