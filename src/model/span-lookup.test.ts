import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpanLookup } from './span-lookup.js';

const spanArbitrary = fc
  .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 12 }))
  .map(([start, length]) => ({ start, end: start + length }));

describe('SpanLookup', () => {
  it('answers as a scan of the layer would, in layer order, for any spans and range', () => {
    fc.assert(
      fc.property(fc.array(spanArbitrary, { maxLength: 40 }), spanArbitrary, (spans, range) => {
        const lookup = new SpanLookup(spans);
        expect(lookup.within(range.start, range.end)).toEqual(
          spans.filter((span) => span.start >= range.start && span.end <= range.end),
        );
        expect(lookup.overlapping(range.start, range.end)).toEqual(
          spans.filter((span) => span.start < range.end && span.end > range.start),
        );
        expect(lookup.startingIn(range.start, range.end)).toEqual(
          spans.filter((span) => span.start >= range.start && span.start < range.end),
        );
      }),
    );
  });

  it('returns the very span objects of the layer', () => {
    const spans = [{ start: 4, end: 9, label: 'PERSON' }];
    expect(new SpanLookup(spans).within(0, 10)[0]).toBe(spans[0]);
  });
});
