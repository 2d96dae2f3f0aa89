/**
 * Request and response shapes of the API. Requests are parsed with these schemas; responses are
 * described by them in the OpenAPI document, and the server tests parse real responses with them so
 * the document cannot drift from what the server sends. `web/src/types.ts` imports them from here.
 */

export * from './corpus-schemas.js';
export * from './document-schemas.js';
