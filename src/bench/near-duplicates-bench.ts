/**
 * Near-duplicate index benchmark: build time and memory on the real BBC + Reuters articles, then
 * growth to a million documents made by replicating and perturbing them. Run it with
 * `npx tsx src/bench/near-duplicates-bench.ts [maxDocs]` (add `node --expose-gc` for exact heap figures).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NEWS_DATA, type NewsRecord, readJsonl } from '../eval/news-data.js';
import { mix32, NearDuplicateIndex } from '../link/near-duplicates/index.js';

export interface BenchRow {
  docs: number;
  /** Time spent in `add`, cumulative from an empty index. */
  ms: number;
  microsPerDoc: number;
  /** Bytes held by the index's typed arrays. */
  indexMB: number;
  heapMB: number;
  rssMB: number;
  groups: number;
}

export interface BenchResult {
  corpus: BenchRow;
  growth: BenchRow[];
}

const MB = 1024 * 1024;

export function loadBenchCorpus(data = NEWS_DATA): string[] {
  return ['bbc', 'reuters21578'].flatMap((corpus) =>
    readJsonl<NewsRecord>(join(data, corpus, `${corpus}.jsonl.gz`)).map((record) => record.text),
  );
}

/**
 * The i-th synthetic document: copy 0 of each real article is itself; later copies swap about
 * 30% of their words for random corpus words (new articles on the same vocabulary, Jaccard ≈ 0.1
 * to their source), except one in fifty that changes a single word (a re-publication).
 */
export function syntheticText(texts: readonly string[], vocabulary: readonly string[], i: number): string {
  const base = texts[i % texts.length] as string;
  const copy = Math.floor(i / texts.length);
  if (copy === 0) return base;
  let state = mix32(i * 0x9e3779b1 + 17);
  const random = () => {
    state = mix32(state + 0x6d2b79f5);
    return state / 0x100000000;
  };
  const tokens = base.split(' ');
  const light = random() < 0.02;
  const rate = light ? 1 / Math.max(1, tokens.length) : 0.3;
  for (let t = 0; t < tokens.length; t++) {
    if (random() < rate) tokens[t] = vocabulary[Math.floor(random() * vocabulary.length)] as string;
  }
  return tokens.join(' ');
}

function snapshot(index: NearDuplicateIndex, docs: number, ms: number, withGroups: boolean): BenchRow {
  (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  return {
    docs,
    ms: Math.round(ms),
    microsPerDoc: Math.round((ms * 1000) / docs),
    indexMB: Math.round(index.byteLength / MB),
    heapMB: Math.round(memory.heapUsed / MB),
    rssMB: Math.round(memory.rss / MB),
    groups: withGroups ? index.groups().length : -1,
  };
}

/** Builds the index over the real corpus, then grows a second one through `sizes` documents. */
export function benchNearDuplicates(
  options: { sizes?: number[]; data?: string; log?: (row: BenchRow, label: string) => void } = {},
): BenchResult {
  const sizes = options.sizes ?? [10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000];
  const texts = loadBenchCorpus(options.data);
  let start = performance.now();
  const real = new NearDuplicateIndex({}, texts.length);
  for (const text of texts) real.add(text);
  const corpus = snapshot(real, texts.length, performance.now() - start, true);
  options.log?.(corpus, 'corpus');

  const vocabulary = [...new Set(texts.slice(0, 2000).flatMap((text) => text.split(' ')))];
  const growth: BenchRow[] = [];
  const index = new NearDuplicateIndex({});
  let ms = 0;
  let next = 0;
  const batch: string[] = [];
  for (const size of [...sizes].sort((a, b) => a - b)) {
    while (next < size) {
      batch.length = 0;
      const end = Math.min(size, next + 10_000);
      for (let i = next; i < end; i++) batch.push(syntheticText(texts, vocabulary, i));
      start = performance.now();
      for (const text of batch) index.add(text);
      ms += performance.now() - start;
      next = end;
    }
    const row = snapshot(index, size, ms, false);
    growth.push(row);
    options.log?.(row, 'growth');
  }
  return { corpus, growth };
}

export function formatBench(result: BenchResult): string {
  const head = '     docs   add ms  µs/doc  index MB  heap MB  rss MB';
  const line = (row: BenchRow) =>
    [
      String(row.docs).padStart(9),
      String(row.ms).padStart(8),
      String(row.microsPerDoc).padStart(7),
      String(row.indexMB).padStart(9),
      String(row.heapMB).padStart(8),
      String(row.rssMB).padStart(7),
    ].join(' ');
  return [
    `Near-duplicate index, BBC + Reuters (${result.corpus.docs} articles, ${result.corpus.groups} groups)`,
    head,
    line(result.corpus),
    '',
    'Growth (replicated and perturbed corpus)',
    head,
    ...result.growth.map(line),
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const max = Number(process.argv[2] ?? 1_000_000);
  const sizes = [10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000].filter((size) => size <= max);
  const result = benchNearDuplicates({
    sizes,
    log: (row, label) => process.stderr.write(`${label} ${row.docs} docs ${row.ms} ms\n`),
  });
  process.stdout.write(`${formatBench(result)}\n`);
}
