import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInputs } from './read-inputs.js';
import type { ReadResult } from './record.js';
import { headText, looksBinary, looksLikeHtml } from './sniff.js';

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);

describe('sniffing UTF-16 with a byte-order mark', () => {
  it('is text, not binary, and its markup is seen', () => {
    expect(looksBinary(utf16le('Talks resume in Zürich.\n'))).toBe(false);
    expect(looksBinary(utf16be('Talks resume in Zürich.\n'))).toBe(false);
    expect(looksLikeHtml(utf16le('<!doctype html><html><body>Hi</body></html>'))).toBe(true);
    expect(headText(utf16be('{"id": 1}'))).toBe('{"id": 1}');
  });

  it('still calls control-character soup behind a BOM binary', () => {
    expect(looksBinary(utf16le('\u0001\u0002\u0003\u0004\u0005abc'))).toBe(true);
  });

  it('reads UTF-16LE and BE text and HTML files as documents', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lede-utf16-'));
    try {
      const files = {
        'le.txt': utf16le('Talks resume in Zürich.\n'),
        'be.txt': utf16be('Talks resume in Genève.\n'),
        page: utf16le('<html><body><p>Talks in Köln</p></body></html>'),
      };
      for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, name), bytes);
      const results: ReadResult[] = [];
      for await (const result of readInputs([dir], { maxDocumentBytes: 1e6 })) results.push(result);
      expect(
        results.map((r) => ('record' in r ? [r.record.mediaType, r.record.charset, r.record.content] : r)),
      ).toEqual([
        ['text/plain', 'utf-16be', 'Talks resume in Genève.\n'],
        ['text/plain', 'utf-16le', 'Talks resume in Zürich.\n'],
        ['text/html', 'utf-16le', '<html><body><p>Talks in Köln</p></body></html>'],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
