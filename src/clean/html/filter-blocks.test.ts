import { describe, expect, it } from 'vitest';
import type { Block } from './block-texts.js';
import { loadHtmlBoilerplate } from './boilerplate-lexicon.js';
import { filterBlocks } from './filter-blocks.js';

const block = (text: string, linkDensity = 0, tag = 'p'): Block => ({ text, tag, linkDensity });
const context = {
  headlines: ['River floods town'],
  captions: ['Rescue boats on Main Street'],
  lexicon: loadHtmlBoilerplate(),
};

describe('filterBlocks', () => {
  it('drops the repeated headline, captions, bylines, datelines and furniture lines', () => {
    const { kept, dropped } = filterBlocks(
      [
        block('River floods town'),
        block('By Jane Roe and Ali Khan'),
        block('| UPDATED: 11:05, Tue, Nov 19, 2019'),
        block('The river rose two metres overnight.'),
        block('Rescue boats on Main Street'),
        block('Read more: Storm warning issued'),
        block('Share this article'),
        block('By Monday the water had gone down, and the council met to count the damage to homes.'),
      ],
      context,
    );
    expect(kept.map((kept) => kept.text)).toEqual([
      'The river rose two metres overnight.',
      'By Monday the water had gone down, and the council met to count the damage to homes.',
    ]);
    expect(dropped).toHaveLength(6);
  });

  it('drops a run of all-link paragraphs but keeps a lone linked sentence and repeated lines', () => {
    const { kept } = filterBlocks(
      [
        block('Pre-workout meal'),
        block('Read the full council report here.', 1),
        block('Eggs and toast.'),
        block('Pre-workout meal'),
        block('Who will make the Rock Hall in 2020?', 1),
        block('Fans want the band in the Rock Hall', 0.95),
      ],
      context,
    );
    expect(kept.map((kept) => kept.text)).toEqual([
      'Pre-workout meal',
      'Read the full council report here.',
      'Eggs and toast.',
      'Pre-workout meal',
    ]);
  });
});
