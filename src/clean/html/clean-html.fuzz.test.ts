import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toRawOffset } from '../../model/index.js';
import { cleanHtml } from './clean-html.js';

const PAGE = `<!doctype html><html><head><title>A | B</title><meta property="article:published_time" content="2021-01-02">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"A","datePublished":"2021-01-02"}</script></head>
<body><nav>Home</nav><article><h1>A</h1><p>${'Words of the first paragraph run on. '.repeat(8)}</p>
<figure><figcaption>Cap</figcaption></figure><h2>Sub</h2><p>${'The second paragraph says more. '.repeat(8)}</p></article></body></html>`;

/** Every clean character must come from the extracted text at the offset the map gives. */
function expectOffsetsExact(html: string): void {
  const result = cleanHtml(html);
  for (let at = 0; at < result.text.length; at += 7) {
    const char = result.text[at] as string;
    if (char === '\n') continue;
    expect(result.extracted[toRawOffset(result.origin, at)]).toBe(char);
  }
}

describe('cleanHtml on broken input', () => {
  it('never throws and keeps its offset map exact on truncated and mutated pages', () => {
    fc.assert(
      fc.property(fc.nat(PAGE.length), fc.nat(PAGE.length), fc.string({ maxLength: 20 }), (cut, at, junk) => {
        expectOffsetsExact(PAGE.slice(0, cut));
        expectOffsetsExact(PAGE.slice(0, at) + junk + PAGE.slice(at));
      }),
      { numRuns: 60 },
    );
  });

  it('returns empty text with a warning for empty, binary and body-less input', () => {
    for (const html of ['', '\u0000\u0001\u0002\uFFFD', '<html><head><title>Only a title</title></head></html>']) {
      const result = cleanHtml(html);
      expect(result.text).toBe('');
      expect(result.messages.map((message) => message.ruleId)).toContain('empty-after-clean');
    }
  });
});
