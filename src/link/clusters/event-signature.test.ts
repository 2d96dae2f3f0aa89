import { describe, expect, it } from 'vitest';
import { emptyMeta, type Span } from '../../model/index.js';
import { dayNumber, extractEventSignature } from './event-signature.js';

const span = (start: number, end: number, label: string, attrs: Record<string, unknown> = {}): Span =>
  ({ id: `${label}-${start}`, start, end, label, attrs, by: { stage: 'test', version: 1 } }) as Span;

function at(text: string, phrase: string, from = 0): [number, number] {
  const start = text.indexOf(phrase, from);
  if (start < 0) throw new Error(`${phrase} not in text`);
  return [start, start + phrase.length];
}

const text = [
  'Police in Oslo arrested Anders Berg on 12 March 2011 after 23 people were hurt.',
  'Berg was held overnight.',
  'Officers searched his flat.',
  'In 2004 a similar attack in Bergen hurt nine people.',
  'Berg denies the charges, and Berg has hired a lawyer.',
].join('\n');

const sentenceSpans: Span[] = [];
for (const line of text.split('\n')) {
  const start = sentenceSpans.length === 0 ? 0 : (sentenceSpans[sentenceSpans.length - 1] as Span).end + 1;
  sentenceSpans.push(span(start, start + line.length, 'S'));
}

const doc = {
  text,
  meta: { ...emptyMeta(), headline: 'Oslo attack suspect held' },
  layers: {
    sentences: sentenceSpans,
    entities: [
      span(...at(text, 'Oslo'), 'LOC', { entity: 'Oslo' }),
      span(...at(text, 'Anders Berg'), 'PERSON', { entity: 'Anders Berg' }),
      span(...at(text, 'Bergen'), 'LOC', { entity: 'Bergen' }),
      span(...at(text, 'Berg denies'), 'PERSON', { entity: 'Anders Berg' }),
    ],
    timexes: [
      span(...at(text, '12 March 2011'), 'DATE', { value: '2011-03-12' }),
      span(...at(text, '2004'), 'DATE', { value: '2004' }),
    ],
    figures: [span(...at(text, '23 people'), 'FIGURE', { value: 23, unit: 'people' })],
  },
};

describe('extractEventSignature', () => {
  const signature = extractEventSignature(doc, new Set(['the', 'after', 'were', 'was']));

  it('dates the event from the lead, not from an earlier event recalled further down', () => {
    expect(signature.days).toEqual([dayNumber('2011-03-12')]);
    expect(signature.years).toEqual([2011]);
  });

  it('names the places of the lead and leaves out a place mentioned once in the background', () => {
    expect(signature.places).toEqual(['oslo']);
  });

  it('names people by surname and takes the people of the first sentence as protagonists', () => {
    expect(signature.participants).toEqual(['berg']);
    expect(signature.protagonists).toEqual(['berg']);
  });

  it('keeps the figures of the lead with the noun they count', () => {
    expect(signature.figures).toEqual(['23 people']);
  });

  it('gathers lead words without stopwords, headline included', () => {
    expect(signature.lead).toContain('suspect');
    expect(signature.lead).toContain('arrested');
    expect(signature.lead).not.toContain('after');
    expect(signature.lead).not.toContain('lawyer');
  });

  it('takes a stated publication date as one of the days, and ignores an estimated one', () => {
    const dated = extractEventSignature(
      { ...doc, meta: { ...doc.meta, published: { value: '2011-03-13', estimated: false } } },
      new Set(),
    );
    expect(dated.days).toEqual([dayNumber('2011-03-12'), dayNumber('2011-03-13')]);
    const estimated = extractEventSignature(
      { ...doc, meta: { ...doc.meta, published: { value: '2009-01-01', estimated: true } } },
      new Set(),
    );
    expect(estimated.days).toEqual([dayNumber('2011-03-12')]);
  });
});
