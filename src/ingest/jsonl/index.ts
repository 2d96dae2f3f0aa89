/** JSONL reader: one record a line, `id` kept as the external id. */
export { jsonlReader, parseJsonlLine } from './read-jsonl.js';
