/**
 * Draws a random sample of one finding kind from a store, to be judged by reading and appended to
 * `data/audits/KIND.jsonl` with a `verdict` (`right`/`wrong`) and a `why` on each line.
 *
 *   npx tsx scripts/draw-audit.ts KIND --db STORE --corpus bbc --round before|after [--size 100] [--seed N]
 *
 * Outputs already judged in `data/audits/KIND.jsonl` are never drawn again. Prints the JSONL to
 * standard output, the question a judge answers to standard error.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { drawSample } from '../src/eval/audits/draw.js';
import { AUDIT_DRAWERS } from '../src/eval/audits/drawers.js';
import { readAuditFile } from '../src/eval/audits/judgement.js';
import { dataPath, PROJECT_ROOT } from '../src/resources/index.js';
import { openStore } from '../src/store/index.js';

const [kind, ...rest] = process.argv.slice(2);
const option = (name: string) => {
  const at = rest.indexOf(`--${name}`);
  return at >= 0 ? rest[at + 1] : undefined;
};
const load = kind ? AUDIT_DRAWERS[kind] : undefined;
const db = option('db');
const corpus = option('corpus');
const round = option('round');
if (!load || !db || !corpus || !round) {
  console.error(
    `usage: draw-audit.ts KIND --db STORE --corpus NAME --round before|after [--size 100] [--seed N]\n` +
      `kinds: ${Object.keys(AUDIT_DRAWERS).join(', ') || '(none)'}`,
  );
  process.exit(2);
}
const drawer = await load();
const file = dataPath('audits', `${drawer.kind}.jsonl`);
const judged = new Set(existsSync(file) ? readAuditFile(file).map((judgement) => judgement.item) : []);
const commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
const store = await openStore(db, { readonly: true });
try {
  const candidates = await drawer.candidates(store);
  const sample = drawSample(drawer, candidates, {
    corpus,
    round,
    commit,
    seed: Number(option('seed') ?? Date.now() % 1_000_000),
    size: Number(option('size') ?? 100),
    judged,
  });
  console.error(
    `${drawer.question}\n${sample.length} of ${candidates.length} outputs drawn (${judged.size} judged before)`,
  );
  for (const item of sample) console.log(JSON.stringify(item));
} finally {
  await store.close();
}
