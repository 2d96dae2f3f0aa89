/**
 * Every `lede eval NAME` and `lede train NAME`. An evaluation returns the printable report; the CLI
 * prints it. Add an entry here to add a command.
 */
export interface EvalOptions {
  /** Dataset folder; defaults to the component's folder under ../shared/data. */
  data?: string;
  /** Dataset split, where the data has several (dev, train, test). */
  split?: string;
  /** Evaluate on the first N examples only (for quick checks). */
  limit?: number;
  /** Machine-readable result instead of the table. */
  json?: boolean;
}

export interface Evaluation {
  description: string;
  run(options: EvalOptions): Promise<{ text: string; json: unknown }>;
}

export interface TrainOptions {
  data?: string;
  out?: string;
  epochs?: number;
  seed?: number;
}

export interface Trainer {
  description: string;
  run(options: TrainOptions, log: (line: string) => void): Promise<{ out: string }>;
}

export const EVALUATIONS: Record<string, () => Promise<Evaluation>> = {
  seeds: async () => (await import('./seeds.js')).seedsEvaluation,
  clean: async () => (await import('./clean-eval.js')).cleanEvaluation,
  pubdate: async () => (await import('./pubdate-eval.js')).pubdateEvaluation,
  entities: async () => (await import('../nlp/entities/commands.js')).entitiesEvaluation,
  quotes: async () => (await import('./quotes/evaluation.js')).quotesEvaluation,
  timex: async () => (await import('../nlp/timex/evaluate.js')).timexEvaluation,
  'published-estimate': async () => (await import('../nlp/events/evaluate-estimate.js')).publishedEstimateEvaluation,
  framing: async () => (await import('../nlp/loaded/evaluate.js')).framingEvaluation,
  'near-duplicates': async () =>
    (await import('../link/near-duplicates/near-duplicates-eval.js')).nearDuplicatesEvaluation,
  stories: async () => {
    const [{ createStoriesEvaluation }, { createDefaultPipeline }] = await Promise.all([
      import('../link/clusters/stories-eval.js'),
      import('../pipeline/index.js'),
    ]);
    const pipeline = createDefaultPipeline();
    return createStoriesEvaluation((doc) => pipeline.run(doc));
  },
};

export const TRAINERS: Record<string, () => Promise<Trainer>> = {
  entities: async () => (await import('../nlp/entities/commands.js')).entitiesTrainer,
  demonyms: async () => (await import('../nlp/entities/commands.js')).demonymsTrainer,
  quotes: async () => (await import('./quotes/train-cues.js')).quotesTrainer,
  'word-clusters': async () => (await import('../nlp/word-clusters/index.js')).wordClustersTrainer,
  framing: async () => (await import('../nlp/loaded/evaluate.js')).framingTrainer,
  'story-prior': async () => (await import('../link/clusters/story-prior.js')).storyPriorTrainer,
};
