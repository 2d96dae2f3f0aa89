import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { collectBlocks } from './block-texts.js';

function blocksOf(body: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${body}</body></html>`);
  return collectBlocks(document.body as never);
}

describe('collectBlocks', () => {
  it('keeps each block element as one paragraph with its tag', () => {
    expect(blocksOf('<h2>Sub</h2><p>One <b>bold</b> line.</p><ul><li>Item</li></ul>')).toEqual([
      { text: 'Sub', tag: 'h2', linkDensity: 0 },
      { text: 'One bold line.', tag: 'p', linkDensity: 0 },
      { text: 'Item', tag: 'li', linkDensity: 0 },
    ]);
  });

  it('keeps loose text between blocks and splits runs at double line breaks', () => {
    const blocks = blocksOf('<div>Loose text<p>Para</p>Tail one<br>still one<br><br>Tail two</div>');
    expect(blocks.map((block) => block.text)).toEqual(['Loose text', 'Para', 'Tail one still one', 'Tail two']);
  });

  it('skips scripts, styles and buttons', () => {
    expect(blocksOf('<p>Text<script>var x = 1;</script><button>Share</button></p>')).toEqual([
      { text: 'Text', tag: 'p', linkDensity: 0 },
    ]);
  });

  it('measures how much of a paragraph is link text', () => {
    const [all, half] = blocksOf('<ul><li><a href="/a">Related story</a></li></ul><p>abcd <a href="/b">efgh</a></p>');
    expect(all?.linkDensity).toBe(1);
    expect(half?.linkDensity).toBeCloseTo(0.5);
  });
});
