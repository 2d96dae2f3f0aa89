export type { CleanResult, TextDumpOptions } from './clean-text-dump.js';
export { cleanTextDump } from './clean-text-dump.js';
