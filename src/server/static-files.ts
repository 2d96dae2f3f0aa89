import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { LedeError } from '../errors.js';
import { WEB_DIST } from '../resources/index.js';

/** web/dist, found the same way from src/server (tsx) and dist/server (built). */
export const WEB_ROOT = WEB_DIST;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>lede</title>
<p>The web UI is not built. Run <code>npm run build:web</code>, then reload. The API is at <a href="/api/docs">/api/docs</a>.</p></html>`;

/**
 * Serves the built UI: files under `root` by path, and index.html for any other non-API path so
 * client-side URLs survive a reload. Paths are resolved and checked to stay inside `root`.
 */
export function registerStaticFiles(app: FastifyInstance, root = WEB_ROOT): void {
  const send = async (path: string, reply: import('fastify').FastifyReply) => {
    const isAsset = path.includes(`${sep}assets${sep}`);
    reply.header('cache-control', isAsset ? 'public, max-age=31536000, immutable' : 'no-cache');
    reply.type(TYPES[extname(path)] ?? 'application/octet-stream');
    return reply.send(await readFile(path));
  };
  app.get('/*', async (request, reply) => {
    const url = decodeURIComponent(request.url.split('?')[0] ?? '/');
    if (url === '/api' || url.startsWith('/api/')) throw new LedeError('NOT_FOUND', `no route GET ${url}`);
    if (!existsSync(join(root, 'index.html'))) return reply.type('text/html; charset=utf-8').send(NOT_BUILT);
    const candidate = resolve(root, `.${normalize(`/${url}`)}`);
    if (candidate.startsWith(root + sep)) {
      const info = await stat(candidate).catch(() => undefined);
      if (info?.isFile()) return send(candidate, reply);
      if (extname(candidate)) throw new LedeError('NOT_FOUND', `no file ${url}`);
    }
    return send(join(root, 'index.html'), reply);
  });
}
