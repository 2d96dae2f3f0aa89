import { describe, expect, it } from 'vitest';
import { emptyMeta, makeSpan } from '../../model/index.js';
import { extractStoryTerms } from './story-terms.js';

const by = { stage: 'quotes', version: 1 };
const text =
  'The minister said the border crossing would reopen within a fortnight. "We will not allow smugglers to dictate terms to the government," she told reporters.';
const direct = text.indexOf('We will');
const indirect = text.indexOf('the border');

function termsWith(labels: string[]) {
  const quotes = labels.map((label) =>
    label === 'direct'
      ? makeSpan(
          'quotes',
          direct,
          direct + 'We will not allow smugglers to dictate terms to the government,'.length,
          label,
          by,
        )
      : makeSpan(
          'quotes',
          indirect,
          indirect + 'the border crossing would reopen within a fortnight'.length,
          label,
          by,
        ),
  );
  return extractStoryTerms({ text, meta: emptyMeta(), layers: { quotes } });
}

const quoteTerms = (terms: Map<string, number>) => [...terms.keys()].filter((term) => term.startsWith('q:')).sort();

describe('story terms from quotes', () => {
  it('takes trigrams of quoted words only, not of a paraphrase', () => {
    const both = quoteTerms(termsWith(['direct', 'indirect']));
    expect(both).toContain('q:allow smugglers dictate');
    expect(both.some((term) => term.includes('border'))).toBe(false);
    expect(quoteTerms(termsWith(['indirect']))).toEqual([]);
  });

  it('trusts an empty quotes layer rather than guessing from quotation marks', () => {
    expect(quoteTerms(termsWith([]))).toEqual([]);
    const unannotated = extractStoryTerms({ text, meta: emptyMeta(), layers: {} });
    expect(quoteTerms(unannotated)).toContain('q:allow smugglers dictate');
  });
});
