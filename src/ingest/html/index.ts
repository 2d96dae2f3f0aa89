/** HTML reader (decoding only; main-text extraction is in clean/html). */
export { htmlReader } from './read-html.js';
