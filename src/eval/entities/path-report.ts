/** `lede eval entities` through the annotate path: the same documents and scorer as the gold-token figure. */
import { type ConllDocument, ENTITY_MODEL_PATH, readEntityModel, type TokenEntity } from '../../nlp/entities/index.js';
import { LabelScorer, type PRF } from '../score.js';
import { annotator, entitiesOnTokens, rebuildAsText } from './annotate-path.js';
import { recogniseConllDocument } from './evaluate.js';
import { readConllSplit } from './splits.js';

export interface PathReport {
  /** `annotate` cleans the text as `lede annotate` does; `clean-text` as `lede annotate --as-clean-text`. */
  path: 'annotate' | 'clean-text';
  documents: number;
  tokens: number;
  rows: { name: string; score: PRF }[];
  /** The same, counting only the gold entities cleaning kept (no headline, dateline or byline). */
  keptRows: { name: string; score: PRF }[];
  /**
   * The gold-token path (`recogniseConllDocument`) on that same kept gold, its entities in dropped
   * text left out: what the annotate path is compared with when cleaning drops text, since the
   * text cleaning drops (datelines, headlines, result tables) is not as hard to tag as the rest.
   */
  keptTokenRows: { name: string; score: PRF }[];
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
  const model = readEntityModel(ENTITY_MODEL_PATH);
  const scorer = new LabelScorer();
  const keptScorer = new LabelScorer();
  const keptTokenScorer = new LabelScorer();
  let tokens = 0;
  let misaligned = 0;
  let droppedTokens = 0;
  const started = performance.now();
  docs.forEach((conll, d) => {
    const rebuilt = rebuildAsText(conll);
    const outcome = entitiesOnTokens(rebuilt, annotate(`${split}-${d}`, rebuilt.text));
    scorer.add(rebuilt.gold, outcome.predicted, 'exact');
    keptScorer.add(outcome.keptGold, outcome.predicted, 'exact');
    const onGoldTokens = documentEntities(conll, recogniseConllDocument(model, conll));
    keptTokenScorer.add(
      outcome.keptGold,
      onGoldTokens.filter((entity) => outcome.keptTokens.slice(entity.start, entity.end).every(Boolean)),
      'exact',
    );
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
    keptTokenRows: keptTokenScorer.rows(),
    misaligned,
    droppedTokens,
    seconds: (performance.now() - started) / 1000,
  };
}

/** One column of the comparison: a path, scored against all gold or the gold that cleaning kept. */
interface Column {
  title: string;
  rows: { name: string; score: PRF }[];
  /** The gold-token path on the same gold, when that is not all of it. */
  sameGold?: { name: string; score: PRF }[];
}

function columnsOf(path: PathReport): Column[] {
  if (path.droppedTokens === 0) return [{ title: path.path, rows: path.rows }];
  return [
    { title: `${path.path}, all gold`, rows: path.rows },
    { title: `${path.path}, gold in clean text`, rows: path.keptRows, sameGold: path.keptTokenRows },
  ];
}

/**
 * Per type, the gold-token F1 beside each path's P/R/F1, and the gap between them; on the gold
 * cleaning kept, also the gold-token F1 on that same gold and the gap to it, which is what the
 * stage loses or gains on the text it is given.
 */
export function formatComparison(tokenRows: { name: string; score: PRF }[], paths: readonly PathReport[]): string {
  const columns = paths.flatMap(columnsOf);
  const blocks = columns.map((column) => {
    const lines = tokenRows.map(({ name, score: base }) => {
      const score = column.rows.find((row) => row.name === name)?.score;
      const cells = [
        name.padEnd(8),
        base.f1.toFixed(4).padStart(9),
        (score?.precision ?? 0).toFixed(4).padStart(9),
        (score?.recall ?? 0).toFixed(4).padStart(7),
        (score?.f1 ?? 0).toFixed(4).padStart(7),
        ((score?.f1 ?? 0) - base.f1).toFixed(4).padStart(8),
      ];
      if (column.sameGold) {
        const same = column.sameGold.find((row) => row.name === name)?.score.f1 ?? 0;
        cells.push(same.toFixed(4).padStart(14), ((score?.f1 ?? 0) - same).toFixed(4).padStart(13));
      }
      return cells.join(' ');
    });
    const sameHead = column.sameGold ? ` ${'tokens F1 same'.padStart(14)} ${'gap same gold'.padStart(13)}` : '';
    const head = `${'label'.padEnd(8)} ${'tokens F1'.padStart(9)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'f1'.padStart(7)} ${'gap'.padStart(8)}${sameHead}`;
    return [`${column.title}:`, head, ...lines].join('\n');
  });
  const notes = paths.map(
    (path) =>
      `${path.path}: ${path.documents} documents rebuilt as text (${path.tokens} tokens), ${path.droppedTokens} gold tokens dropped by cleaning, ${path.misaligned} predicted spans not on token boundaries; ${path.seconds.toFixed(1)} s`,
  );
  return [...blocks.flatMap((block) => [block, '']), ...notes].join('\n');
}

/** A document's per-sentence entities over its token indices as a whole (as `rebuildAsText` numbers them). */
function documentEntities(doc: ConllDocument, perSentence: readonly TokenEntity[][]): TokenEntity[] {
  let first = 0;
  return doc.sentences.flatMap((sentence, s) => {
    const shifted = (perSentence[s] ?? []).map((entity) => ({
      start: first + entity.start,
      end: first + entity.end,
      label: entity.label,
    }));
    first += sentence.words.length;
    return shifted;
  });
}
