import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countWords, type DocLink, openStore, type SearchQuery, type Store, searchVector } from '../store/index.js';
import {
  benchDatabaseUrl,
  copyInto,
  databaseExists,
  dropDatabase,
  freshDatabase,
  onServer,
} from './pg-bench-database.js';
import { articleDoc, articleLinks, OUTLETS, ZipfCorpus } from './zipf-corpus.js';

/**
 * Search at scale: stores of N synthetic articles (zipf-corpus.ts) built directly with COPY into
 * the PostgreSQL schema (documents with their search vectors, sections, span index rows for the
 * entity and speaker facets, near-duplicate groups in doc_links), then a fixed set of searches
 * through `store.search()`, one at a time, on each size and on a SQLite store of the smallest size
 * built through `putDocuments`. Layers are not copied: search reads none.
 */

const corpus = new ZipfCorpus();
const w = (rank: number) => corpus.word(rank);
const topName = corpus.names[0] as string;

/** Plain words from the commonest to rare ones, phrases, a prefix, OR, filters and a deep page. */
export const SEARCHES: { label: string; query: SearchQuery }[] = [
  { label: `word, rank 1`, query: { text: w(0) } },
  { label: `word, rank 20`, query: { text: w(19) } },
  { label: `word, rank 300`, query: { text: w(299) } },
  { label: `word, rank 5000`, query: { text: w(4999) } },
  { label: 'two common words', query: { text: `${w(2)} ${w(40)}` } },
  { label: 'phrase, common', query: { text: `"${w(1)} ${w(0)}"` } },
  { label: 'phrase, rarer', query: { text: `"${w(30)} ${w(70)}"` } },
  { label: 'prefix', query: { text: `${w(10).slice(0, 4)}*` } },
  { label: 'OR', query: { text: `${w(5)} OR ${w(500)}` } },
  { label: 'outlet filter', query: { text: w(10), outlet: OUTLETS[1] as string } },
  { label: 'entity filter', query: { text: w(10), entity: topName } },
  { label: 'has quotes', query: { text: w(10), hasQuotes: true } },
  { label: 'date range', query: { text: w(10), from: '2010', to: '2012-06' } },
  { label: 'section filter', query: { text: w(100), section: 'sport' } },
  { label: 'page 6 (offset 100)', query: { text: w(10), offset: 100 } },
];

const DOCUMENT_COLUMNS = [
  'seq',
  'id',
  'external_id',
  'uri',
  'media_type',
  'ingested_at',
  'headline',
  'published',
  'published_estimated',
  'outlet',
  'language',
  'meta',
  'text',
  'raw',
  'origin',
  'messages',
  'word_count',
  'search',
];
const SPAN_COLUMNS = ['doc_seq', 'layer', 'span_id', 'span_start', 'span_end', 'label', 'key', 'text', 'published'];

export function searchDatabaseName(size: number): string {
  return `lede_bench_search_${size}`;
}

/** Builds (or reuses, when complete) the PostgreSQL store of `size` articles; returns its URL. */
export async function buildPostgresSearchStore(size: number): Promise<string> {
  const name = searchDatabaseName(size);
  if (await databaseExists(name)) {
    const url = benchDatabaseUrl(name);
    // Complete: every document, and the indexes made again after loading (the last step).
    const [row] = await onServer<{ n: number; indexed: boolean }>(
      "SELECT count(*)::int AS n, to_regclass('documents_search') IS NOT NULL AS indexed FROM documents",
      url,
    ).catch(() => []);
    if (row?.n === size && row.indexed) return url;
  }
  const url = await freshDatabase(name);
  await (await openStore(url)).close(); // creates the tables
  // Indexes are dropped while loading and made again after, as a bulk load should.
  const indexes = await onServer<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
       AND tablename IN ('documents', 'span_index', 'doc_links', 'document_sections')
       AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
    url,
  );
  for (const index of indexes) await onServer(`DROP INDEX ${index.indexname}`, url);
  const started = performance.now();
  const documents = copyInto(url, 'documents', DOCUMENT_COLUMNS);
  const spans = copyInto(url, 'span_index', SPAN_COLUMNS);
  const sections = copyInto(url, 'document_sections', ['doc_seq', 'section']);
  const links = copyInto(url, 'doc_links', ['doc_seq', 'duplicate_group', 'duplicate_kind', 'day']);
  const now = new Date().toISOString();
  for (let index = 0; index < size; index++) {
    const article = corpus.article(index);
    const doc = articleDoc(article);
    const seq = index + 1;
    await documents.write([
      seq,
      article.id,
      article.externalId,
      doc.source.uri,
      doc.source.mediaType,
      now,
      article.headline,
      article.published,
      false,
      article.outlet,
      'en',
      JSON.stringify(doc.meta),
      article.text,
      doc.raw,
      '{"segments":[]}',
      '[]',
      countWords(article.text),
      searchVector(article.headline, article.text).vector,
    ]);
    for (const layer of ['entities', 'quotes'] as const) {
      for (const span of doc.layers[layer] ?? []) {
        const key = (layer === 'entities' ? span.attrs?.entity : span.attrs?.speakerName) as string;
        const evidence = article.text.slice(span.start, span.end);
        await spans.write([seq, layer, span.id, span.start, span.end, span.label, key, evidence, article.published]);
      }
    }
    await sections.write([seq, article.section]);
    await links.write([seq, article.group ?? null, article.group ? 'near' : null, article.published]);
    if ((index + 1) % 100_000 === 0) {
      const rate = (index + 1) / ((performance.now() - started) / 1000);
      process.stderr.write(`  ${index + 1} documents copied (${rate.toFixed(0)} docs/s)\n`);
    }
  }
  await Promise.all([documents.end(), spans.end(), sections.end(), links.end()]);
  process.stderr.write(`  copied in ${seconds(started)} s; indexing…\n`);
  const indexed = performance.now();
  for (const index of indexes) await onServer(`SET maintenance_work_mem = '512MB'; ${index.indexdef}`, url);
  await onServer(
    `INSERT INTO search_words (word) SELECT unnest(ARRAY[${[...corpus.vocabulary, ...corpus.names.flatMap((n) => n.toLowerCase().split(' '))].map((word) => `'${word}'`).join(',')}]) ON CONFLICT DO NOTHING`,
    url,
  );
  await onServer(`ALTER TABLE documents ALTER COLUMN seq RESTART WITH ${size + 1}`, url);
  await onServer('ANALYZE', url);
  process.stderr.write(`  indexed and analysed in ${seconds(indexed)} s\n`);
  return url;
}

/** The SQLite store of `size` articles, built as the other benchmarks build theirs: through putDocuments. */
export async function buildSqliteSearchStore(size: number): Promise<string> {
  const path = join(tmpdir(), `lede-bench-zipf-${size}.sqlite`);
  if (existsSync(path)) {
    const store = await openStore(path);
    const complete = (await store.stats()).documents === size;
    await store.close();
    if (complete) return path;
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  }
  const store = await openStore(path);
  const started = performance.now();
  const links: DocLink[] = [];
  for (let index = 0; index < size; index += 1000) {
    const articles = Array.from({ length: Math.min(1000, size - index) }, (_, i) => corpus.article(index + i));
    await store.putDocuments(articles.map((article) => ({ doc: articleDoc(article) })));
    links.push(...articles.map(articleLinks));
  }
  // Once: putDocLinks replaces every document's links, as linking the whole corpus does.
  await store.putDocLinks(links);
  process.stderr.write(`  SQLite store of ${size} built in ${seconds(started)} s\n`);
  await store.close();
  return path;
}

export interface SearchTimings {
  /** Every run of every search, in ms. */
  all: number[];
  /** The median of each search, in SEARCHES order. */
  medians: number[];
  totals: number[];
}

/** Runs every search once to warm up, then `rounds` times, one at a time. */
export async function timeSearches(store: Store, rounds: number): Promise<SearchTimings> {
  const runs: number[][] = SEARCHES.map(() => []);
  const totals: number[] = [];
  for (const search of SEARCHES) totals.push((await store.search(search.query)).total);
  for (let round = 0; round < rounds; round++) {
    for (const [i, search] of SEARCHES.entries()) {
      const started = performance.now();
      await store.search(search.query);
      runs[i]?.push(performance.now() - started);
    }
  }
  return { all: runs.flat(), medians: runs.map((list) => percentile(list, 50)), totals };
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export async function dropSearchDatabases(sizes: readonly number[]): Promise<void> {
  for (const size of sizes) await dropDatabase(searchDatabaseName(size));
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(0);
}
