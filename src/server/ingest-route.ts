import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { LedeError } from '../errors.js';
import type { FetchOptions } from '../ingest/index.js';
import type { Store } from '../store/index.js';
import { addRoute } from './add-route.js';
import type { IngestEvent, IngestOutcome, IngestTask } from './ingest-task.js';
import { type Job, type JobQueue, MAX_LISTED } from './jobs.js';
import type { RouteDoc } from './openapi.js';
import type { ProcessPool } from './process-pool.js';
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
  /** The ingest process: reads, analyses, stores and relinks with its own connection, off this thread. */
  writer: ProcessPool;
  /** Jobs queue their records for `lede worker` processes instead (a PostgreSQL store, `lede serve --queue`). */
  queue?: boolean;
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
        return await jobs.exclusive(() =>
          options.writer.run<IngestOutcome>({ uploads: uploads.files, urls: [], maxBytes } satisfies IngestTask),
        );
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
          await runIngestJob(store, options.writer, running, {
            uploads: uploads.files,
            urls: body.urls,
            maxBytes,
            fetch: withoutLookup(options.fetch),
            // Small batches: progress moves, and each batch is still one transaction.
            batchSize: 20,
            listIds: MAX_LISTED,
            count: true,
            ...(options.queue ? { queue: true } : {}),
          });
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

async function runIngestJob(store: Store, writer: ProcessPool, job: Job, task: IngestTask): Promise<void> {
  const record = (progress: { ingested: number; duplicates: number; failed: number }) => {
    job.ingested = progress.ingested;
    job.duplicates = progress.duplicates;
    job.failed = progress.failed;
    job.done = progress.ingested + progress.duplicates + progress.failed;
    job.total = Math.max(job.total, job.done);
  };
  // Called after each batch; the counts of inputs that never reach a batch (all duplicates, or
  // failures only) arrive with the outcome.
  const onEvent = (event: IngestEvent) => {
    if (event.kind === 'total') job.total = event.total;
    else if (event.kind === 'batch') {
      record(event.progress);
      job.current = event.progress.currentSource;
    } else if (event.kind === 'link-step') {
      const { step, done, total, seconds } = event.progress;
      if (seconds === undefined) job.linkStep = { step, done, total };
      else {
        job.linkStep = undefined;
        job.linkedSteps.push({ step, seconds });
      }
    } else {
      record(event.progress);
      job.state = 'linking';
      job.current = undefined;
    }
  };
  const outcome = await writer.run<IngestOutcome>(task, (event) => onEvent(event as IngestEvent));
  record(outcome);
  if (outcome.queued !== undefined) {
    job.queued = outcome.queued;
    job.done = outcome.queued + outcome.duplicates + outcome.failed;
    job.total = Math.max(job.total, job.done);
  }
  job.failures = outcome.failures.slice(0, MAX_FAILURES);
  job.ids = outcome.ids.slice(0, MAX_LISTED);
  const stored: NonNullable<typeof job.stored> = [];
  for (const id of outcome.ids.slice(0, MAX_SHOWN)) {
    const doc = await store.getDocument(id);
    if (doc)
      stored.push({ id, headline: doc.meta.headline, outlet: doc.meta.outlet, published: doc.meta.published?.value });
  }
  job.stored = stored;
}

/** Fetch options that can cross to the ingest process: a custom DNS `lookup` (a function) cannot. */
function withoutLookup(fetch: FetchOptions | undefined): IngestTask['fetch'] {
  if (!fetch) return undefined;
  const { lookup: _lookup, ...rest } = fetch;
  return rest;
}

interface Uploads {
  files: { path: string; name: string }[];
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
    files: staged,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
