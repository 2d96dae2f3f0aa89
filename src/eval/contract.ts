/**
 * What an evaluation, a trainer and a seed check promise, apart from the registries that list them:
 * evaluators and trainers import only this module, the registries import them, so no cycle.
 */
import type { Doc } from '../model/index.js';
import type { Gold, GoldDocument } from './gold.js';

export interface EvalOptions {
  /** Dataset folder; defaults to the component's folder under ../shared/data. */
  data?: string;
  /** Dataset split, where the data has several (dev, train, test). */
  split?: string;
  /** Corpus, where the component is measured on several. */
  corpus?: string;
  /** Evaluate on the first N examples only (for quick checks). */
  limit?: number;
  /** Machine-readable result instead of the table. */
  json?: boolean;
  /** Which measurement, where an evaluation has several (entities: annotate, tokens, clean-text, all, ablation; dumps-cv: single, seeds). */
  mode?: string;
}

/** An evaluation returns the printable report; the CLI prints it. */
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

/** One expectation of gold.json and whether lede meets it. */
export interface SeedOutcome {
  file: string;
  field: string;
  expected: unknown;
  actual: unknown;
  pass: boolean;
}

export interface SeedContext {
  gold: Gold;
  /** Each seed file's gold entry and lede's document for it, run through the whole default pipeline. */
  pairs: { gold: GoldDocument; doc: Doc }[];
  /** Every seed document, for corpus-level checks (stories, identity, claims). */
  docs: Doc[];
}

/** A group of seed expectations owned by one component (clean, entities, quotes, ...). */
export interface SeedCheck {
  component: string;
  check(context: SeedContext): SeedOutcome[] | Promise<SeedOutcome[]>;
}
