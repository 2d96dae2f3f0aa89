import { describe, expect, it } from 'vitest';
import { failedInput, failureLines } from './failure-report.js';

describe('failure report after an ingest', () => {
  it('groups JSONL lines, WARC records and feed items under their file, not URLs with a port', () => {
    expect(failedInput('/data/pairs.jsonl.gz:17')).toBe('/data/pairs.jsonl.gz');
    expect(failedInput('/data/crawl.warc.gz#https://news.example/a')).toBe('/data/crawl.warc.gz');
    expect(failedInput('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(failedInput('https://news.example/page')).toBe('https://news.example/page');
  });

  it('prints the first failures of each input in full and counts the rest, keeping other inputs visible', () => {
    const broken = Array.from({ length: 169 }, (_, index) => ({
      uri: `/data/pairs.jsonl.gz:${index + 1}`,
      reason: 'invalid record: record needs "text" or "html"',
    }));
    const lines = failureLines([{ uri: '/data/README.md', reason: 'unrecognised format' }, ...broken], 3);
    expect(lines).toEqual([
      '/data/README.md: unrecognised format',
      '/data/pairs.jsonl.gz:1: invalid record: record needs "text" or "html"',
      '/data/pairs.jsonl.gz:2: invalid record: record needs "text" or "html"',
      '/data/pairs.jsonl.gz:3: invalid record: record needs "text" or "html"',
      '/data/pairs.jsonl.gz: 166 more failures: invalid record: record needs "text" or "html" (--json lists every one)',
    ]);
  });

  it('says how many reasons the hidden failures had when they differ, and escapes control characters', () => {
    const lines = failureLines(
      [
        { uri: 'a.jsonl:1', reason: 'not JSON' },
        { uri: 'a.jsonl:2', reason: 'not JSON' },
        { uri: 'a.jsonl:3', reason: 'too large' },
        { uri: 'b\u001b[2J.txt', reason: 'empty' },
      ],
      1,
    );
    expect(lines).toEqual([
      'a.jsonl:1: not JSON',
      'a.jsonl: 2 more failures (2 different reasons) (--json lists every one)',
      'b\\x1b[2J.txt: empty',
    ]);
  });
});
