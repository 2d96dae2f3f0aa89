import { describe, expect, it } from 'vitest';
import { fromRawOffset, TextBuilder, toRawOffset } from './offsets.js';

describe('offset maps', () => {
  it('map every copied character of the clean text back to its raw offset', () => {
    const raw = 'HEAD\n\nabc  def\n\nxyz';
    const builder = new TextBuilder().copy('abc ', 6).copy('def', 11).insert('\n\n').copy('xyz', 16);
    const { text, origin } = builder.build();
    expect(text).toBe('abc def\n\nxyz');
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\n') continue;
      const rawChar = raw[toRawOffset(origin, i)];
      expect(rawChar === text[i] || (text[i] === ' ' && rawChar === ' ')).toBe(true);
    }
    expect(fromRawOffset(origin, 16)).toBe(9);
    expect(fromRawOffset(origin, 0)).toBe(-1);
  });
});
