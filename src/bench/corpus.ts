import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { NEWS_DATA, type NewsRecord, readJsonl } from '../eval/news-data.js';

/** The real news corpus in ../shared/data/news (BBC and Reuters-21578), in memory. */
export function loadNewsCorpus(newsDir = NEWS_DATA): NewsRecord[] {
  const files = [join(newsDir, 'bbc/bbc.jsonl.gz'), join(newsDir, 'reuters21578/reuters21578.jsonl.gz')];
  return files.flatMap((file) => readJsonl<NewsRecord>(file).filter((record) => record.text?.trim()));
}

/**
 * Writes `size` JSONL records by cycling through the real corpus; every copy after the first gets a
 * new id and a small edit (a sentence dropped or repeated), so copies are distinct documents.
 */
export async function writeReplicatedCorpus(
  path: string,
  size: number,
  corpus: NewsRecord[],
  /** Where in the endless replicated sequence to start: records `start` to `start + size - 1`. */
  start = 0,
): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  for (let i = start; i < start + size; i++) {
    const base = corpus[i % corpus.length] as NewsRecord;
    const copy = Math.floor(i / corpus.length);
    const text = copy === 0 ? base.text : perturb(base.text, copy);
    const line = `${JSON.stringify({ id: `${base.id}~${copy}`, title: base.title, text, published: base.date ?? undefined, outlet: base.source })}\n`;
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}

function perturb(text: string, copy: number): string {
  const sentences = text.split(/(?<=\.)\s+/);
  const at = copy % Math.max(1, sentences.length);
  if (copy % 2 === 0) sentences.splice(at, 1);
  else sentences.splice(at, 0, sentences[at] ?? '');
  return sentences.join(' ');
}
