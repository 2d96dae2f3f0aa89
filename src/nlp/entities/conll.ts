import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** One sentence of a CoNLL-2003 file: its words and IOB2 tags (`B-PER`, `I-ORG`, `O`). */
export interface ConllSentence {
  words: string[];
  tags: string[];
}

/** One `-DOCSTART-` document: consistency features need the sentences that share a document. */
export interface ConllDocument {
  sentences: ConllSentence[];
}

/** Reads a CoNLL-2003 four-column file (plain or gzipped) into documents of sentences. */
export function readConll(path: string): ConllDocument[] {
  const bytes = readFileSync(path);
  const text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  return parseConll(text);
}

export function parseConll(text: string): ConllDocument[] {
  const documents: ConllDocument[] = [];
  let document: ConllDocument | undefined;
  let sentence: ConllSentence = { words: [], tags: [] };
  const closeSentence = () => {
    if (sentence.words.length === 0) return;
    if (!document) {
      document = { sentences: [] };
      documents.push(document);
    }
    document.sentences.push(sentence);
    sentence = { words: [], tags: [] };
  };
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') {
      closeSentence();
      continue;
    }
    const columns = trimmed.split(' ');
    if (columns[0] === '-DOCSTART-') {
      closeSentence();
      document = { sentences: [] };
      documents.push(document);
      continue;
    }
    sentence.words.push(columns[0] as string);
    sentence.tags.push(columns[columns.length - 1] as string);
  }
  closeSentence();
  return documents.filter((doc) => doc.sentences.length > 0);
}

/** A typed entity over token indices, half-open. */
export interface TokenEntity {
  start: number;
  end: number;
  label: string;
}

/** Entities of an IOB1/IOB2 tag sequence; an `I-` after a different type starts a new entity, as conlleval reads it. */
export function entitiesFromIob(tags: readonly string[]): TokenEntity[] {
  const entities: TokenEntity[] = [];
  let current: TokenEntity | undefined;
  tags.forEach((tag, index) => {
    if (tag === 'O') {
      current = undefined;
      return;
    }
    const prefix = tag[0];
    const label = tag.slice(2);
    if (prefix === 'B' || !current || current.label !== label) {
      current = { start: index, end: index + 1, label };
      entities.push(current);
    } else current.end = index + 1;
  });
  return entities;
}
