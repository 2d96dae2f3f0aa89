/** `lede eval entities` through the annotate path: the same documents and scorer as the gold-token figure. */
import { join } from 'node:path';
import { readConll } from '../../nlp/entities/index.js';
import { LabelScorer, type PRF } from '../score.js';
import { annotator, entitiesOnTokens, rebuildAsText } from './annotate-path.js';

export interface PathReport {
  /** `annotate` cleans the text as `lede annotate` does; `clean-text` as `lede annotate --as-clean-text`. */
  path: 'annotate' | 'clean-text';
  documents: number;
  tokens: number;
  rows: { name: string; score: PRF }[];
  misaligned: number;
  droppedTokens: number;
  seconds: number;
}

export function evaluateAnnotatePath(
  dataDir: string,
  split: string,
  path: PathReport['path'],
  limit?: number,
): PathReport {
  const docs = readConll(join(dataDir, `${split}.txt.gz`)).slice(0, limit);
  const annotate = annotator(path === 'clean-text');
  const scorer = new LabelScorer();
  let tokens = 0;
  let misaligned = 0;
  let droppedTokens = 0;
  const started = performance.now();
  docs.forEach((conll, d) => {
    const rebuilt = rebuildAsText(conll);
    const outcome = entitiesOnTokens(rebuilt, annotate(`${split}-${d}`, rebuilt.text));
    scorer.add(rebuilt.gold, outcome.predicted, 'exact');
    tokens += rebuilt.tokens.length;
    misaligned += outcome.misaligned;
    droppedTokens += outcome.droppedTokens;
  });
  return {
    path,
    documents: docs.length,
    tokens,
    rows: scorer.rows(),
    misaligned,
    droppedTokens,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Per type, the gold-token F1 beside each path's P/R/F1, and the gap between them. */
export function formatComparison(tokenRows: { name: string; score: PRF }[], paths: readonly PathReport[]): string {
  const names = tokenRows.map((row) => row.name);
  const head = ['label'.padEnd(8), 'gold tokens F1'.padStart(14)];
  for (const path of paths)
    head.push(`${path.path}: P`.padStart(16), 'R'.padStart(7), 'F1'.padStart(7), 'gap'.padStart(7));
  const lines = names.map((name) => {
    const base = tokenRows.find((row) => row.name === name)?.score.f1 ?? 0;
    const cells = [name.padEnd(8), base.toFixed(4).padStart(14)];
    for (const path of paths) {
      const score = path.rows.find((row) => row.name === name)?.score;
      cells.push(
        (score?.precision ?? 0).toFixed(4).padStart(16),
        (score?.recall ?? 0).toFixed(4).padStart(7),
        (score?.f1 ?? 0).toFixed(4).padStart(7),
        ((score?.f1 ?? 0) - base).toFixed(4).padStart(7),
      );
    }
    return cells.join(' ');
  });
  const notes = paths.map(
    (path) =>
      `${path.path}: ${path.documents} documents rebuilt as text (${path.tokens} tokens), ${path.droppedTokens} gold tokens dropped by cleaning, ${path.misaligned} predicted spans not on token boundaries; ${path.seconds.toFixed(1)} s`,
  );
  return [head.join(' '), ...lines, '', ...notes].join('\n');
}
