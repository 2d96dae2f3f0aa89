/** `lede eval entities`. */

import { ENTITY_MODEL_PATH } from '../../nlp/entities/index.js';
import { sharedDataPath } from '../../resources/index.js';
import type { Evaluation } from '../contract.js';
import { evaluateOnConll, formatConllReport } from './evaluate.js';
import { evaluateAnnotatePath, formatComparison, type PathReport } from './path-report.js';

export const CONLL_DIR = sharedDataPath('ner', 'conll2003');

const MODES = ['annotate', 'tokens', 'clean-text', 'all', 'ablation'] as const;

export const entitiesEvaluation: Evaluation = {
  description:
    'entity-level P/R/F1 per type and micro on CoNLL-2003 dev through lede annotate, beside the model on gold tokens and a capitalisation baseline (--mode tokens: gold tokens only; clean-text: also --as-clean-text; all; ablation: the stage step by step)',
  async run(options) {
    const mode = options.mode ?? 'annotate';
    if (!(MODES as readonly string[]).includes(mode)) {
      throw new Error(`lede eval entities: unknown --mode ${mode}; choose one of ${MODES.join(', ')}`);
    }
    const dataDir = options.data ?? CONLL_DIR;
    const split = options.split ?? 'dev';
    if (mode === 'ablation') {
      const { evaluateAblation } = await import('./ablation.js');
      const text = await evaluateAblation(dataDir, split, options.limit);
      return { text, json: { text } };
    }
    const report = evaluateOnConll(ENTITY_MODEL_PATH, dataDir, split, options.limit);
    const tokenText = formatConllReport(report);
    if (mode === 'tokens') return { text: tokenText, json: report };
    const paths: PathReport[] = [];
    if (mode !== 'clean-text') paths.push(await evaluateAnnotatePath(dataDir, split, 'annotate', options.limit));
    if (mode !== 'annotate') paths.push(await evaluateAnnotatePath(dataDir, split, 'clean-text', options.limit));
    const text = [
      tokenText,
      '',
      'Through lede annotate (CoNLL documents as text: tokens joined by spaces, one sentence a line; spans mapped back to the gold tokens):',
      formatComparison(report.model, paths),
    ].join('\n');
    return { text, json: { tokens: report, paths } };
  },
};
