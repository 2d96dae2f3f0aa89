/** Plain-text reader, and the whole-input and size helpers other readers share. */
export { formatBytes } from '../stream/index.js';
export { readWhole, textReader } from './read-text.js';
