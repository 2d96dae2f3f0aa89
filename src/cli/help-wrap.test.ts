import { describe, expect, it } from 'vitest';
import { wrapToWidth } from './help-wrap.js';

describe('wrapToWidth', () => {
  it('breaks a line longer than the terminal at spaces, keeping its indentation', () => {
    const text =
      'Examples:\n  lede ingest ./scrapes/ articles.jsonl.gz archive.warc.gz   # files, folders, archives\nshort';
    const wrapped = wrapToWidth(text, 40).split('\n');
    expect(wrapped.every((line) => line.length <= 40)).toBe(true);
    expect(wrapped[0]).toBe('Examples:');
    expect(wrapped.slice(1, -1).every((line) => line.startsWith('  '))).toBe(true);
    expect(wrapped.at(-1)).toBe('short');
    expect(wrapped.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
  });

  it('leaves the text alone when the width is unknown or the lines fit', () => {
    expect(wrapToWidth('a long line of text', undefined)).toBe('a long line of text');
    expect(wrapToWidth('fits\nfine', 80)).toBe('fits\nfine');
  });
});
