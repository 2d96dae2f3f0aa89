import { analyseRecord, createDefaultPipeline } from '../pipeline/index.js';
import type { EvalOptions, Evaluation, SeedContext, SeedOutcome } from './contract.js';
import { loadGold, readSeed, seedFiles } from './gold.js';
import { SEED_CHECKS } from './seed-checks/index.js';

export async function annotateSeeds(): Promise<SeedContext> {
  const gold = loadGold();
  const pipeline = await createDefaultPipeline();
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

export async function runSeedChecks(context: SeedContext): Promise<SeedOutcome[]> {
  const outcomes: SeedOutcome[] = [];
  for (const check of SEED_CHECKS) {
    for (const outcome of await check.check(context))
      outcomes.push({ ...outcome, field: `${check.component}/${outcome.field}` });
  }
  return outcomes;
}

export const seedsEvaluation: Evaluation = {
  description: 'every field of ../shared/data/seeds/gold.json that lede produces, per component',
  async run(_options: EvalOptions) {
    const outcomes = await runSeedChecks(await annotateSeeds());
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
