import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { CORPUS_STEPS, ingestInputs, linkCorpus } from '../pipeline/index.js';
import type { Store } from '../store/index.js';
import type { RouteDoc } from './openapi.js';
import { addRoute } from './routes.js';
import { IngestQuerySchema, IngestResultSchema } from './schemas.js';

const BODY_TYPES = ['text/plain', 'text/html', 'application/x-ndjson', 'application/jsonl', 'application/octet-stream'];

const EXTENSION: Record<string, string> = {
  'text/html': '.html',
  'application/x-ndjson': '.jsonl',
  'application/jsonl': '.jsonl',
};

/**
 * POST /api/ingest: the body is one input as `lede ingest` would read it from a file (text dump,
 * HTML page, JSONL). It goes through the same readers, cleaner and pipeline. `authorize` runs
 * before the body is read.
 */
export function registerIngestRoute(
  app: FastifyInstance,
  docs: RouteDoc[],
  store: Store,
  authorize: (authorization: string | undefined) => void,
  maxBytes: number,
): void {
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
      summary: 'Ingest one input (text dump, HTML page or JSONL) sent as the body; needs the bearer token',
      tag: 'write',
      auth: true,
      query: IngestQuerySchema,
      requestBody: { mediaTypes: BODY_TYPES, description: 'the file content, as lede ingest would read it' },
      response: IngestResultSchema,
    },
    async (request) => {
      const { name } = IngestQuerySchema.parse(request.query);
      const type = (request.headers['content-type'] ?? 'text/plain').split(';')[0]?.trim() ?? 'text/plain';
      const body = request.body as Buffer;
      const dir = await mkdtemp(join(tmpdir(), 'lede-ingest-'));
      try {
        const path = join(dir, name ?? `upload${EXTENSION[type] ?? '.txt'}`);
        await writeFile(path, body);
        const summary = await ingestInputs(store, [path], {
          context: { maxDocumentBytes: maxBytes },
          // One upload is small: analyse it in this thread rather than start a worker pool per request.
          workers: 0,
        });
        // New documents change versions, stories, identities and claims: relink as lede ingest does.
        if (summary.ingested > 0) await linkCorpus(store, CORPUS_STEPS);
        const display = (uri: string) => uri.replace(dir, 'upload:').replace('upload:/', 'upload:');
        return {
          ingested: summary.ingested,
          duplicates: summary.duplicates,
          failed: summary.failed,
          ids: summary.ids,
          failures: summary.failures.map((failure) => ({ uri: display(failure.uri), reason: failure.reason })),
        };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
  app.addHook('onRequest', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && request.url.startsWith('/api/')) {
      authorize(request.headers.authorization);
    }
  });
}
