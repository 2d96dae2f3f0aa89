/** `lede eval entities`. */

import { ENTITY_MODEL_PATH } from '../../nlp/entities/index.js';
import { sharedDataPath } from '../../resources/index.js';
import type { Evaluation } from '../contract.js';
import { evaluateOnConll, formatConllReport } from './evaluate.js';

export const CONLL_DIR = sharedDataPath('ner', 'conll2003');

export const entitiesEvaluation: Evaluation = {
  description: 'entity-level P/R/F1 per type and micro on CoNLL-2003 dev, beside a capitalisation baseline',
  async run(options) {
    const report = evaluateOnConll(ENTITY_MODEL_PATH, options.data ?? CONLL_DIR, options.split ?? 'dev', options.limit);
    return { text: formatConllReport(report), json: report };
  },
};
