import { describe, expect, it } from 'vitest';
import { printable } from './printable.js';

describe('printable', () => {
  it('escapes ANSI escapes, other control characters and bidi overrides, and keeps ordinary text', () => {
    expect(printable('bad\x1b[31mred\x07.txt')).toBe('bad\\x1b[31mred\\x07.txt');
    expect(printable('a\nb\tc\x7f\x9b')).toBe('a\\x0ab\\x09c\\x7f\\x9b');
    expect(printable('invoice\u202etxt.exe')).toBe('invoice\\u202etxt.exe');
    expect(printable('Zürich – «Genève» 東京.txt')).toBe('Zürich – «Genève» 東京.txt');
  });
});
