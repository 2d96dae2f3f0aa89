/**
 * What the article-extraction pages behind the page-dumps say of themselves besides the body: the
 * headline and figure captions, read from each page's HTML by lede's HTML cleaner (the benchmark's
 * gold has bodies only). Dumps name their page by nothing but the gold body, which is the page's
 * `articleBody` verbatim, so pages are keyed by body.
 */
import { join } from 'node:path';
import { cleanHtml } from '../../clean/index.js';
import { readJsonlGz } from '../../resources/index.js';

export interface ExtractionPage {
  id: string;
  html: string;
  articleBody: string;
}

export interface PageFields {
  page: ExtractionPage;
  headline?: string;
  captions: string[];
}

export function readExtractionPages(data: string): ExtractionPage[] {
  return readJsonlGz<ExtractionPage>(join(data, 'article-extraction', 'article-extraction.shared.jsonl.gz'));
}

/** Each page's headline and captions, keyed by its gold body. */
export function pageFieldsByBody(pages: readonly ExtractionPage[]): Map<string, PageFields> {
  return new Map(
    pages.map((page) => {
      const { meta } = cleanHtml(page.html);
      return [page.articleBody, { page, headline: meta.headline, captions: meta.captions }];
    }),
  );
}

/** Lowercase word tokens, for comparing a headline with a dump line whatever the dumper's marks. */
export function headlineTokens(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}
