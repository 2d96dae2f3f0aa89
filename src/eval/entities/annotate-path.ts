/**
 * CoNLL-2003 through the path users run: each document rebuilt as the text CoNLL-derived news
 * usually is (tokens joined by spaces, one sentence a line), fed to `lede annotate`'s own functions
 * (JSONL line → record → clean → default pipeline → batch record), and the predicted character spans
 * mapped back to the gold tokens. A span whose ends fall inside a token, or in text that cleaning
 * dropped, matches no gold entity and counts against precision.
 */
import { parseJsonlLine } from '../../ingest/index.js';
import { type Doc, type LayerName, toRawOffset } from '../../model/index.js';
import type { ConllDocument, TokenEntity } from '../../nlp/entities/index.js';
import { entitiesFromIob } from '../../nlp/entities/index.js';
import { analyseRecord, createDefaultPipeline } from '../../pipeline/index.js';

/** A CoNLL document as text, with each gold token's place in it and the gold entities over all its tokens. */
export interface RebuiltDocument {
  text: string;
  tokens: { start: number; end: number }[];
  gold: TokenEntity[];
}

export function rebuildAsText(doc: ConllDocument): RebuiltDocument {
  const tokens: { start: number; end: number }[] = [];
  const gold: TokenEntity[] = [];
  const lines: string[] = [];
  let at = 0;
  for (const sentence of doc.sentences) {
    const first = tokens.length;
    for (const [k, word] of sentence.words.entries()) {
      if (k > 0) at++;
      tokens.push({ start: at, end: at + word.length });
      at += word.length;
    }
    at++;
    lines.push(sentence.words.join(' '));
    for (const entity of entitiesFromIob(sentence.tags)) {
      gold.push({ start: first + entity.start, end: first + entity.end, label: entity.label });
    }
  }
  return { text: lines.join('\n'), tokens, gold };
}

/** The pipeline's entity types under CoNLL's names. */
const CONLL_TYPE: Record<string, string> = { PERSON: 'PER', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };

export interface PathOutcome {
  predicted: TokenEntity[];
  /** Predicted spans whose ends are not gold token boundaries (or were cut from dropped text). */
  misaligned: number;
  /** Gold tokens no longer in the clean text. */
  droppedTokens: number;
  /** The gold entities whose every token is still in the clean text. */
  keptGold: TokenEntity[];
  /** Per gold token, whether it is still in the clean text. */
  keptTokens: boolean[];
}

/**
 * Maps a document's entities (offsets into its clean text) onto the rebuilt text's tokens. Cleaning
 * copies raw characters one to one, so `origin` takes each end back to the input.
 */
export function entitiesOnTokens(rebuilt: RebuiltDocument, doc: Doc): PathOutcome {
  const byStart = new Map(rebuilt.tokens.map((token, index) => [token.start, index]));
  const byEnd = new Map(rebuilt.tokens.map((token, index) => [token.end, index]));
  const predicted: TokenEntity[] = [];
  let misaligned = 0;
  for (const span of doc.layers.entities ?? []) {
    const first = byStart.get(toRawOffset(doc.origin, span.start));
    const last = byEnd.get(toRawOffset(doc.origin, span.end));
    const label = CONLL_TYPE[span.label] ?? span.label;
    if (first === undefined || last === undefined || last < first) {
      misaligned++;
      // Unmatchable, so it still counts as a wrong prediction.
      predicted.push({ start: -1 - misaligned, end: -1 - misaligned, label });
      continue;
    }
    predicted.push({ start: first, end: last + 1, label });
  }
  const kept = new Uint8Array(rebuilt.text.length + 1);
  for (const [, rawStart, length] of doc.origin.segments) kept.fill(1, rawStart, rawStart + length);
  const isKept = rebuilt.tokens.map((token) => kept[token.start] === 1);
  const droppedTokens = isKept.filter((one) => !one).length;
  const keptGold = rebuilt.gold.filter((entity) => isKept.slice(entity.start, entity.end).every(Boolean));
  return { predicted, misaligned, droppedTokens, keptGold, keptTokens: isKept };
}

const ENTITIES_ONLY: ReadonlySet<LayerName> = new Set<LayerName>(['entities']);

/**
 * What `lede annotate --layers entities` computes for one text (`asCleanText`: with
 * `--as-clean-text`), as the document before it is formatted, since scoring needs its offset map.
 */
export async function annotator(asCleanText: boolean): Promise<(id: string, text: string) => Doc> {
  const pipeline = await createDefaultPipeline();
  return (id, text) => {
    const result = parseJsonlLine(JSON.stringify({ id, text }), id);
    if ('failure' in result) throw new Error(`${id}: ${result.failure.reason}`);
    return analyseRecord(result.record, pipeline, ENTITIES_ONLY, undefined, { asCleanText });
  };
}
