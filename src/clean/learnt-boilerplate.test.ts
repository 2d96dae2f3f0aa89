import { describe, expect, it } from 'vitest';
import { keepsLearntBoilerplate } from './learnt-boilerplate.js';

const learnt = new Set(['Share this story']);
const text = (raw: string, dropped: string[] = []) => ({ raw, mediaType: 'text/plain', dropped });

describe('keepsLearntBoilerplate', () => {
  it('finds a learnt line written with other spaces, and not one cleaning already dropped', () => {
    expect(keepsLearntBoilerplate(text('Body.\r\n\u00a0Share\u2009this\tstory \r\n'), learnt)).toBe(true);
    expect(keepsLearntBoilerplate(text('Body.\nShare this  story\n', ['Share\u00a0this story']), learnt)).toBe(false);
    expect(keepsLearntBoilerplate(text('Body.\nShare this story today\n'), learnt)).toBe(false);
  });

  it('leaves HTML and outlets with nothing learnt alone', () => {
    expect(keepsLearntBoilerplate({ ...text('Share this story'), mediaType: 'text/html' }, learnt)).toBe(false);
    expect(keepsLearntBoilerplate(text('Share this story'), undefined)).toBe(false);
    expect(keepsLearntBoilerplate(text('Share this story'), new Set())).toBe(false);
  });
});
