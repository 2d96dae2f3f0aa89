import { describe, expect, it } from 'vitest';
import { capMarkup } from './cap-markup.js';
import { cleanHtml } from './clean-html.js';

const SMALL = { maxDepth: 3, maxElements: 6 };

describe('capMarkup', () => {
  it('returns a page within the caps as the very same string', () => {
    const page = '<html><body><div class="a>b"><p>One<p>Two<br><img src=x></div><!-- <div><div><div> --></body></html>';
    // html > body > div > p: four levels, and the second <p> closes the first rather than nesting in it.
    const capped = capMarkup(page, { maxDepth: 4, maxElements: 6 });
    expect(capped).toEqual({ html: page, tooDeep: 0, tooMany: 0 });
  });

  it('drops tags nested past the depth cap, with their closing tags, and keeps their text', () => {
    const capped = capMarkup('<div><div><div><div><b>deep</b></div>after</div></div></div>', SMALL);
    expect(capped).toEqual({ html: '<div><div><div>deepafter</div></div></div>', tooDeep: 2, tooMany: 0 });
  });

  it('drops every tag after the element cap and keeps the text', () => {
    const capped = capMarkup('<p>1</p><p>2</p><p>3</p><p>4</p><p>5</p><p>6</p><p>7<br>8</p><p>9</p>', SMALL);
    expect(capped).toEqual({ html: '<p>1</p><p>2</p><p>3</p><p>4</p><p>5</p><p>6</p>789', tooDeep: 0, tooMany: 3 });
  });

  it('does not read markup inside scripts, styles or comments', () => {
    const page = `<div><script>var s = "<div><div><div><div>";</script><style>a<b{}</style><!-- <div><div><div> --></div>`;
    expect(capMarkup(page, SMALL).html).toBe(page);
  });
});

describe('cleanHtml on deep markup', () => {
  it('cleans 100,000 nested elements in seconds and keeps the text inside them, with a warning', () => {
    const depth = 100_000;
    const page = `<html><body>${'<div>'.repeat(depth)}<p>The council met at dawn to decide on the evacuation.</p>${'</div>'.repeat(depth)}</body></html>`;
    const started = performance.now();
    const result = cleanHtml(page);
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(result.text).toBe('The council met at dawn to decide on the evacuation.');
    expect(result.messages.map((message) => message.ruleId)).toEqual(['html-depth-capped']);
    expect(result.messages[0]?.text).toMatch(/^HTML nested deeper than 512 elements: \d+ tags beyond that depth/);
  }, 60_000);

  it('survives half a million unclosed <div><span> pairs', () => {
    const result = cleanHtml(`${'<div><span>'.repeat(500_000)}Last words of the page.`);
    expect(result.text).toBe('Last words of the page.');
    expect(result.messages.map((message) => message.ruleId)).toEqual(['html-depth-capped']);
  }, 60_000);
});
