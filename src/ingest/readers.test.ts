import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from './charset/decode.js';
import { parseJsonlLine } from './jsonl/read-jsonl.js';
import { chooseReader } from './readers.js';
import { memoryInputFile } from './sources/expand.js';

const bytes = (text: string) => new Uint8Array(Buffer.from(text));

describe('reader choice', () => {
  it('goes by content as well as by extension', () => {
    expect(
      chooseReader(memoryInputFile('page.txt', bytes('<!doctype html><html><body><p>x</p></body></html>')))?.name,
    ).toBe('html');
    expect(chooseReader(memoryInputFile('dump', bytes('{"id": "a", "text": "x"}\n')))?.name).toBe('jsonl');
    expect(chooseReader(memoryInputFile('story.txt', bytes('Headline\n\nBody.')))?.name).toBe('text');
    expect(chooseReader(memoryInputFile('archive.jsonl.gz', new Uint8Array([0x1f, 0x8b, 8, 0])))?.name).toBe('jsonl');
  });
});

describe('parseJsonlLine', () => {
  it('keeps the record id as the external id and the rest as hints', () => {
    const result = parseJsonlLine(
      '{"id": 7, "title": "T", "text": "Body", "published": "2023-02-13", "url": null}',
      'f.jsonl:1',
    );
    expect(result).toMatchObject({
      record: {
        externalId: '7',
        content: 'Body',
        mediaType: 'text/plain',
        hints: { title: 'T', published: '2023-02-13' },
      },
    });
  });

  it('names the line and the reason for a bad record', () => {
    expect(parseJsonlLine('{"id": 1', 'f.jsonl:4')).toMatchObject({
      failure: { uri: 'f.jsonl:4', reason: expect.stringMatching(/malformed JSON/) },
    });
    expect(parseJsonlLine('{"id": 1}', 'f.jsonl:5')).toMatchObject({
      failure: { reason: expect.stringMatching(/"text" or "html"/) },
    });
    expect(parseJsonlLine('{"id": 1, "text": "  "}', 'f.jsonl:6')).toMatchObject({
      failure: { reason: 'record has an empty text' },
    });
  });
});

describe('decodeBytes', () => {
  it('honours a byte-order mark and normalises to NFC', () => {
    const decoded = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('Cafe\u0301')]));
    expect(decoded).toMatchObject({ text: 'Caf\u00e9', charset: 'utf-8', from: 'bom' });
  });

  it('honours a declared charset and a meta charset', () => {
    const latin = iconv.encode('Zürich', 'windows-1252');
    expect(decodeBytes(latin, 'windows-1252').text).toBe('Zürich');
    const page = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"></head><body>'), latin]);
    expect(decodeBytes(page, undefined, true)).toMatchObject({ from: 'meta' });
    expect(decodeBytes(page, undefined, true).text).toContain('Zürich');
  });

  it('falls back to a legacy encoding when the bytes are not UTF-8', () => {
    const decoded = decodeBytes(iconv.encode('Les négociations ont repris à Genève.', 'windows-1252'));
    expect(decoded.text).toBe('Les négociations ont repris à Genève.');
    expect(decoded.from).toBe('detected');
  });
});
