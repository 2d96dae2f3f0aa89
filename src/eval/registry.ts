/**
 * Every `lede eval NAME`. Each entry loads its evaluation only when asked, so listing the names
 * (for `--help`) loads no evaluator. Add an entry here to add a command.
 */
import type { Evaluation } from './contract.js';

export const EVALUATIONS: Record<string, () => Promise<Evaluation>> = {
  seeds: async () => (await import('./seeds.js')).seedsEvaluation,
  clean: async () => (await import('./clean-eval.js')).cleanEvaluation,
  dumps: async () => (await import('./dumps/evaluate.js')).dumpsEvaluation,
  'dumps-cv': async () => (await import('./dumps/cross-validate.js')).dumpsCrossValidation,
  'scrape-sim': async () => (await import('./scrape-sim/evaluate.js')).scrapeSimEvaluation,
  pubdate: async () => (await import('./pubdate-eval.js')).pubdateEvaluation,
  entities: async () => (await import('./entities/evaluation.js')).entitiesEvaluation,
  quotes: async () => (await import('./quotes/evaluation.js')).quotesEvaluation,
  timex: async () => (await import('./timex/evaluate.js')).timexEvaluation,
  'published-estimate': async () => (await import('./published-estimate/evaluate.js')).publishedEstimateEvaluation,
  framing: async () => (await import('./framing/evaluate.js')).framingEvaluation,
  audits: async () => (await import('./audits/evaluate.js')).auditsEvaluation,
  language: async () => (await import('./language/evaluate.js')).languageEvaluation,
  'near-duplicates': async () => (await import('./near-duplicates/near-duplicates-eval.js')).nearDuplicatesEvaluation,
  stories: async () => {
    const [{ createStoriesEvaluation }, { createDefaultPipeline }] = await Promise.all([
      import('./stories/stories-eval.js'),
      import('../pipeline/index.js'),
    ]);
    const pipeline = await createDefaultPipeline();
    return createStoriesEvaluation((doc) => pipeline.run(doc));
  },
};
