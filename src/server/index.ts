/** server/: the HTTP API (and the built web UI) over the store. Reads open on loopback; writes need a bearer token. */

export type { ServerOptions } from './app.js';
export { CONTENT_SECURITY_POLICY, createServer, isLoopback, requireToken } from './app.js';
