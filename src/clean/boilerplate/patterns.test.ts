import { describe, expect, it } from 'vitest';
import { outletFromLine } from './patterns.js';

describe('outletFromLine', () => {
  it('reads the outlet from a copyright footer without the punctuation around it', () => {
    expect(outletFromLine('© 2025 The Harbour Courier. All rights reserved.')).toBe('The Harbour Courier');
    expect(outletFromLine('© 2025 The Harbour Courier, all rights reserved')).toBe('The Harbour Courier');
    expect(outletFromLine('Copyright 2019-2024 Radio Nord.')).toBe('Radio Nord');
    expect(outletFromLine('© Eastbank Times')).toBe('Eastbank Times');
  });

  it('reads it from a line about the outlet’s site or app', () => {
    expect(outletFromLine("Eastbank Times's website uses cookies")).toBe('Eastbank Times');
    expect(outletFromLine('A line that names no outlet')).toBeUndefined();
  });
});
