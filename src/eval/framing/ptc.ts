import { join } from 'node:path';
import { type PreparedText, prepareText, tokenClassOf, tokenRange, type WordToken } from '../../nlp/loaded/index.js';
import { splitParagraphs, splitSentences } from '../../nlp/sentences/index.js';
import { readJsonlGz, SHARED_DATA } from '../../resources/index.js';

export const PTC_DIR = join(SHARED_DATA, 'propaganda/ptc');

export interface PtcSpan {
  start: number;
  end: number;
  technique: string;
}

/** One PTC article cut the way the stage cuts clean text, with a gold token class per token. */
export interface PtcArticle {
  id: string;
  prepared: PreparedText;
  spans: PtcSpan[];
  /** 0 outside every span, else the class of the covering technique (L before N before X). */
  tokenClasses: Uint8Array;
}

/** Reads train.jsonl.gz (offsets already in UTF-16 code units, per the dataset README). */
export function readPtc(dir = PTC_DIR, limit?: number): PtcArticle[] {
  const records = readJsonlGz<{ id: string; text: string; spans: PtcSpan[] }>(join(dir, 'train.jsonl.gz'), limit);
  const articles = records.map((record) => {
    const sentences = splitParagraphs(record.text).flatMap((paragraph) => splitSentences(record.text, paragraph));
    const prepared = prepareText(record.text, sentences);
    return {
      id: record.id,
      prepared,
      spans: record.spans,
      tokenClasses: classifyTokens(prepared.tokens, record.spans),
    };
  });
  return articles.sort((a, b) => a.id.localeCompare(b.id));
}

function classifyTokens(tokens: readonly WordToken[], spans: readonly PtcSpan[]): Uint8Array {
  const classes = new Uint8Array(tokens.length);
  for (const span of spans) {
    const range = tokenRange(tokens, span.start, span.end);
    if (!range) continue;
    const kind = tokenClassOf(span.technique);
    for (let t = range.from; t < range.to; t++) {
      const current = classes[t] as number;
      if (current === 0 || kind < current) classes[t] = kind;
    }
  }
  return classes;
}
