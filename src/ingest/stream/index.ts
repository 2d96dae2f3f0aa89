/** Byte streams read under limits: decompression with output and ratio caps, lines of bounded length. */
export { type BoundedLine, boundedLines } from './bounded-lines.js';
export { formatBytes } from './format-bytes.js';
export {
  type ByteSource,
  DEFAULT_INFLATE_LIMITS,
  gunzipCapped,
  InflateLimitError,
  type InflateLimits,
} from './gunzip-capped.js';
