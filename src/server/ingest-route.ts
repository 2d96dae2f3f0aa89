import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { LedeError } from '../errors.js';
import { createFetcher, type FetchOptions, type ReadContext, readInputs } from '../ingest/index.js';
import { CORPUS_STEPS, type IngestProgress, ingestInputs, linkCorpus } from '../pipeline/index.js';
import type { Store } from '../store/index.js';
import { type Job, type JobQueue, MAX_LISTED } from './jobs.js';
import type { RouteDoc } from './openapi.js';
import { addRoute } from './routes.js';
import { IdParams, IngestJobBody, IngestQuerySchema, IngestResultSchema, JobListSchema, JobSchema } from './schemas.js';

const BODY_TYPES = ['text/plain', 'text/html', 'application/x-ndjson', 'application/jsonl', 'application/octet-stream'];

const EXTENSION: Record<string, string> = {
  'text/html': '.html',
  'application/x-ndjson': '.jsonl',
  'application/jsonl': '.jsonl',
};

/** Failures a job keeps to show; the store's failures table has them all. */
const MAX_FAILURES = 50;
/** Stored documents a job names with their headlines. */
const MAX_SHOWN = 20;

export interface IngestRouteOptions {
  /** Largest upload (one body, or all files of one job together), in bytes. */
  maxBytes: number;
  /** How a job fetches URLs and feed items (private addresses are refused unless `allowPrivate`). */
  fetch?: FetchOptions;
  jobs: JobQueue;
}

/**
 * POST /api/ingest: the body is one input as `lede ingest` would read it from a file (text dump,
 * HTML page, JSONL), ingested before the answer. POST /api/jobs/ingest: files and URLs ingested in
 * the background, GET /api/jobs/:id reporting progress. Both go through the same readers, cleaner,
 * pipeline and corpus linking, one write at a time. The server's request guard checks the token
 * before any body is read.
 */
export function registerIngestRoute(
  app: FastifyInstance,
  docs: RouteDoc[],
  store: Store,
  options: IngestRouteOptions,
): void {
  const { maxBytes, jobs } = options;
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(BODY_TYPES, { parseAs: 'buffer', bodyLimit: maxBytes }, (_request, body, done) =>
    done(null, body),
  );
  addRoute(
    app,
    docs,
    {
      method: 'POST',
      path: '/api/ingest',
      summary:
        'Ingest one input (text dump, HTML page or JSONL) sent as the body and answer when done; needs the token',
      tag: 'write',
      auth: true,
      query: IngestQuerySchema,
      requestBody: { mediaTypes: BODY_TYPES, description: 'the file content, as lede ingest would read it' },
      response: IngestResultSchema,
    },
    async (request) => {
      const { name } = IngestQuerySchema.parse(request.query);
      const type = (request.headers['content-type'] ?? 'text/plain').split(';')[0]?.trim() ?? 'text/plain';
      const uploads = await stageUploads([
        { name: name ?? `upload${EXTENSION[type] ?? '.txt'}`, bytes: request.body as Buffer },
      ]);
      try {
        const summary = await jobs.exclusive(() =>
          // One upload is small: analyse it in this thread rather than start a worker pool per request.
          ingestAndLink(store, uploads.paths, { maxDocumentBytes: maxBytes }, { workers: 0 }),
        );
        return {
          ingested: summary.ingested,
          duplicates: summary.duplicates,
          failed: summary.failed,
          ids: summary.ids,
          failures: summary.failures.map((failure) => ({ uri: uploads.display(failure.uri), reason: failure.reason })),
        };
      } finally {
        await uploads.remove();
      }
    },
  );

  addRoute(
    app,
    docs,
    {
      method: 'POST',
      path: '/api/jobs/ingest',
      summary:
        'Start ingesting uploaded files (base64) and page or feed URLs in the background; answers 202 with the job, whose progress is at /api/jobs/{id}; needs the token',
      tag: 'write',
      auth: true,
      status: 202,
      requestBody: {
        mediaTypes: ['application/json'],
        description: '{files: [{name, base64}], urls}',
        schema: IngestJobBody,
      },
      response: JobSchema,
    },
    async (request, reply) => {
      const body = IngestJobBody.parse(request.body);
      const uploads = await stageUploads(
        body.files.map((file) => ({ name: file.name, bytes: Buffer.from(file.base64, 'base64') })),
      );
      const names = [...body.files.map((file) => `upload:${file.name}`), ...body.urls];
      const job = jobs.submit(names, async (running) => {
        try {
          await runIngestJob(store, running, uploads, body.urls, { ...options.fetch, maxBytes });
        } finally {
          await uploads.remove();
        }
      });
      return reply.code(202).send(job);
    },
    // Base64 makes the files a third larger than the bytes the limit is about.
    { bodyLimit: Math.ceil((maxBytes * 4) / 3) + 64 * 1024 },
  );

  addRoute(
    app,
    docs,
    {
      method: 'GET',
      path: '/api/jobs',
      summary: 'Recent background jobs of this server process, newest first',
      tag: 'write',
      response: JobListSchema,
    },
    async () => ({ jobs: jobs.list() }),
  );

  addRoute(
    app,
    docs,
    {
      method: 'GET',
      path: '/api/jobs/:id',
      summary: 'A background job: state (queued, running, linking, done, failed) and progress {done, total, failed}',
      tag: 'write',
      params: IdParams,
      response: JobSchema,
    },
    async (request) => {
      const { id } = IdParams.parse(request.params);
      const job = jobs.get(id);
      if (!job) throw new LedeError('NOT_FOUND', `no job ${id} (jobs are forgotten when the server restarts)`);
      return job;
    },
  );
}

async function ingestAndLink(
  store: Store,
  inputs: string[],
  context: ReadContext,
  options: {
    workers: number;
    batchSize?: number;
    listIds?: number;
    onProgress?: (progress: IngestProgress) => void;
    onLink?: (summary: IngestProgress) => void;
  },
) {
  const summary = await ingestInputs(store, inputs, { context, ...options });
  // New documents change versions, stories, identities and claims: relink as lede ingest does.
  if (summary.ingested > 0) {
    options.onLink?.(summary);
    await linkCorpus(store, CORPUS_STEPS);
  }
  return summary;
}

async function runIngestJob(
  store: Store,
  job: Job,
  uploads: Uploads,
  urls: string[],
  fetch: FetchOptions & { maxBytes: number },
): Promise<void> {
  // Each URL counts as one record until read: a feed raises the total as its items arrive.
  job.total = (await countRecords(uploads.paths, fetch.maxBytes)) + urls.length;
  const fetcher = createFetcher(fetch);
  const display = (uri: string) => uploads.display(uri);
  // Called after each batch; the counts of inputs that never reach a batch (all duplicates, or
  // failures only) arrive with the summary.
  const record = (progress: IngestProgress) => {
    job.ingested = progress.ingested;
    job.duplicates = progress.duplicates;
    job.failed = progress.failed;
    job.done = progress.ingested + progress.duplicates + progress.failed;
    job.total = Math.max(job.total, job.done);
  };
  try {
    const summary = await ingestAndLink(
      store,
      [...uploads.paths, ...urls],
      { maxDocumentBytes: fetch.maxBytes, fetchPage: fetcher.fetchPage },
      {
        // One worker keeps the server answering (progress polls included) while documents are analysed.
        workers: 1,
        // Small batches: progress moves, and each batch is still one transaction.
        batchSize: 20,
        listIds: MAX_LISTED,
        onProgress: (progress) => {
          record(progress);
          job.current = progress.currentSource && display(progress.currentSource);
        },
        onLink: (progress) => {
          record(progress);
          job.state = 'linking';
          job.current = undefined;
        },
      },
    );
    record(summary);
    job.failures = summary.failures
      .slice(0, MAX_FAILURES)
      .map((failure) => ({ uri: display(failure.uri), reason: failure.reason }));
    job.ids = summary.ids.slice(0, MAX_LISTED);
    job.stored = summary.ids.slice(0, MAX_SHOWN).flatMap((id) => {
      const doc = store.getDocument(id);
      return doc
        ? [{ id, headline: doc.meta.headline, outlet: doc.meta.outlet, published: doc.meta.published?.value }]
        : [];
    });
  } finally {
    await fetcher.close();
  }
}

/** Records in local inputs, read without analysis or network: a feed file's items are counted, not fetched. */
async function countRecords(paths: string[], maxDocumentBytes: number): Promise<number> {
  let count = 0;
  const context: ReadContext = {
    maxDocumentBytes,
    fetchPage: async (url) => ({ failure: { uri: url, reason: 'not fetched while counting' } }),
  };
  for await (const _result of readInputs(paths, context)) count++;
  return count;
}

interface Uploads {
  paths: string[];
  /** A reader's uri for a staged file as the client named it: `upload:<name>…`. */
  display(uri: string): string;
  remove(): Promise<void>;
}

/** Writes uploads to a fresh directory, each in its own folder so two files of one name never collide. */
async function stageUploads(files: { name: string; bytes: Buffer }[]): Promise<Uploads> {
  const dir = await mkdtemp(join(tmpdir(), 'lede-ingest-'));
  const staged: { path: string; name: string }[] = [];
  try {
    for (const [index, file] of files.entries()) {
      await mkdir(join(dir, String(index)));
      const path = join(dir, String(index), file.name);
      await writeFile(path, file.bytes);
      staged.push({ path, name: file.name });
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    paths: staged.map((file) => file.path),
    display: (uri) => {
      const file = staged.find((candidate) => uri.startsWith(candidate.path));
      return file ? `upload:${file.name}${uri.slice(file.path.length)}` : uri;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
