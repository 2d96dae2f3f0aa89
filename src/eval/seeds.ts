import type { Doc } from '../model/index.js';
import { analyseRecord, createDefaultPipeline } from '../pipeline/index.js';
import { type Gold, type GoldDocument, loadGold, readSeed, seedFiles } from './gold.js';
import type { EvalOptions, Evaluation } from './registry.js';
import { SEED_CHECKS } from './seed-checks/index.js';

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
  check(context: SeedContext): SeedOutcome[];
}

export function annotateSeeds(): SeedContext {
  const gold = loadGold();
  const pipeline = createDefaultPipeline();
  const docs = seedFiles().map((file) => {
    const content = readSeed(file);
    return analyseRecord({ uri: file, content, mediaType: 'text/plain', bytes: Buffer.from(content) }, pipeline);
  });
  const pairs = gold.documents.map((entry) => {
    const doc = docs.find((candidate) => candidate.source.uri === entry.file);
    if (!doc) throw new Error(`seed file ${entry.file} named in gold.json is missing`);
    return { gold: entry, doc };
  });
  return { gold, pairs, docs };
}

export function runSeedChecks(context: SeedContext = annotateSeeds()): SeedOutcome[] {
  return SEED_CHECKS.flatMap((check) =>
    check.check(context).map((outcome) => ({ ...outcome, field: `${check.component}/${outcome.field}` })),
  );
}

export const seedsEvaluation: Evaluation = {
  description: 'every field of ../shared/data/seeds/gold.json that lede produces, per component',
  async run(_options: EvalOptions) {
    const outcomes = runSeedChecks();
    const byComponent = new Map<string, { pass: number; total: number }>();
    for (const outcome of outcomes) {
      const component = outcome.field.split('/')[0] as string;
      const tally = byComponent.get(component) ?? { pass: 0, total: 0 };
      tally.total++;
      if (outcome.pass) tally.pass++;
      byComponent.set(component, tally);
    }
    const lines = ['Seed articles against gold.json', 'component      passed / total'];
    for (const [component, tally] of byComponent) {
      lines.push(`${component.padEnd(14)} ${String(tally.pass).padStart(6)} / ${tally.total}`);
    }
    const failures = outcomes.filter((outcome) => !outcome.pass);
    if (failures.length > 0) {
      lines.push('', 'Mismatches:');
      for (const failure of failures) {
        lines.push(`  ${failure.file}  ${failure.field}`);
        lines.push(`    expected ${JSON.stringify(failure.expected)}`);
        lines.push(`    actual   ${JSON.stringify(failure.actual)}`);
      }
    }
    const passed = outcomes.length - failures.length;
    lines.push('', `${passed} of ${outcomes.length} expectations met`);
    return { text: lines.join('\n'), json: { passed, total: outcomes.length, outcomes } };
  },
};
