/** `lede eval entities` through the annotate path: the same documents and scorer as the gold-token figure. */
import { LabelScorer, type PRF } from '../score.js';
import { annotator, entitiesOnTokens, rebuildAsText } from './annotate-path.js';
import { readConllSplit } from './splits.js';

export interface PathReport {
  /** `annotate` cleans the text as `lede annotate` does; `clean-text` as `lede annotate --as-clean-text`. */
  path: 'annotate' | 'clean-text';
  documents: number;
  tokens: number;
  rows: { name: string; score: PRF }[];
  /** The same, counting only the gold entities cleaning kept (no headline, dateline or byline). */
  keptRows: { name: string; score: PRF }[];
  misaligned: number;
  droppedTokens: number;
  seconds: number;
}

export async function evaluateAnnotatePath(
  dataDir: string,
  split: string,
  path: PathReport['path'],
  limit?: number,
): Promise<PathReport> {
  const docs = readConllSplit(dataDir, split).slice(0, limit);
  const annotate = await annotator(path === 'clean-text');
  const scorer = new LabelScorer();
  const keptScorer = new LabelScorer();
  let tokens = 0;
  let misaligned = 0;
  let droppedTokens = 0;
  const started = performance.now();
  docs.forEach((conll, d) => {
    const rebuilt = rebuildAsText(conll);
    const outcome = entitiesOnTokens(rebuilt, annotate(`${split}-${d}`, rebuilt.text));
    scorer.add(rebuilt.gold, outcome.predicted, 'exact');
    keptScorer.add(outcome.keptGold, outcome.predicted, 'exact');
    tokens += rebuilt.tokens.length;
    misaligned += outcome.misaligned;
    droppedTokens += outcome.droppedTokens;
  });
  return {
    path,
    documents: docs.length,
    tokens,
    rows: scorer.rows(),
    keptRows: keptScorer.rows(),
    misaligned,
    droppedTokens,
    seconds: (performance.now() - started) / 1000,
  };
}

/** One column of the comparison: a path, scored against all gold or the gold that cleaning kept. */
interface Column {
  title: string;
  rows: { name: string; score: PRF }[];
}

function columnsOf(path: PathReport): Column[] {
  if (path.droppedTokens === 0) return [{ title: path.path, rows: path.rows }];
  return [
    { title: `${path.path}, all gold`, rows: path.rows },
    { title: `${path.path}, gold in clean text`, rows: path.keptRows },
  ];
}

/** Per type, the gold-token F1 beside each path's P/R/F1, and the gap between them. */
export function formatComparison(tokenRows: { name: string; score: PRF }[], paths: readonly PathReport[]): string {
  const columns = paths.flatMap(columnsOf);
  const blocks = columns.map((column) => {
    const lines = tokenRows.map(({ name, score: base }) => {
      const score = column.rows.find((row) => row.name === name)?.score;
      return [
        name.padEnd(8),
        base.f1.toFixed(4).padStart(9),
        (score?.precision ?? 0).toFixed(4).padStart(9),
        (score?.recall ?? 0).toFixed(4).padStart(7),
        (score?.f1 ?? 0).toFixed(4).padStart(7),
        ((score?.f1 ?? 0) - base.f1).toFixed(4).padStart(8),
      ].join(' ');
    });
    const head = `${'label'.padEnd(8)} ${'tokens F1'.padStart(9)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'f1'.padStart(7)} ${'gap'.padStart(8)}`;
    return [`${column.title}:`, head, ...lines].join('\n');
  });
  const notes = paths.map(
    (path) =>
      `${path.path}: ${path.documents} documents rebuilt as text (${path.tokens} tokens), ${path.droppedTokens} gold tokens dropped by cleaning, ${path.misaligned} predicted spans not on token boundaries; ${path.seconds.toFixed(1)} s`,
  );
  return [...blocks.flatMap((block) => [block, '']), ...notes].join('\n');
}
