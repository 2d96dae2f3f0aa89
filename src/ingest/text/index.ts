/** Plain-text reader, and the whole-input and size helpers other readers share. */
export { formatBytes, readWhole, textReader } from './read-text.js';
