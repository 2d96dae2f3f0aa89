export type { HtmlOptions } from './clean-html.js';
export { cleanHtml } from './clean-html.js';
