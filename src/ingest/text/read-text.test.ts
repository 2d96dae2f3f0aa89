import { describe, expect, it } from 'vitest';
import type { ReadResult } from '../record.js';
import { memoryInputFile } from '../sources/expand.js';
import { textReader } from './read-text.js';

describe('text reader size limit', () => {
  it('names the flag that exists (lede ingest --max-bytes) when a file is over the limit', async () => {
    const results: ReadResult[] = [];
    const file = memoryInputFile('big.txt', new TextEncoder().encode('word '.repeat(1000)));
    for await (const result of textReader.read(file, { maxDocumentBytes: 1024 })) results.push(result);
    expect(results).toEqual([
      { failure: { uri: 'big.txt', reason: 'file is 4.9 KB, over the 1.0 KB limit for one document (--max-bytes)' } },
    ]);
  });
});
