/** Line patterns of boilerplate (captions, footers, breadcrumbs, tag runs) shared by the text-dump and HTML cleaners. */
export { isCaptionLine, isFooterLine, outletFromLine, parseBreadcrumb, parseTagRun } from './patterns.js';
