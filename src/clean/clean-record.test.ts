import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawRecord } from '../ingest/index.js';
import { cleanRecord } from './clean-record.js';

const DUMP = 'Home\nNews\n\nBridge to close\n\n16.10.2019 - 17:08 Uhr\n\nThe council voted to close the bridge.';
const record = (content: string, hints: RawRecord['hints'] = {}): RawRecord => ({
  uri: 'batch.jsonl#a1',
  content,
  mediaType: 'text/plain',
  hints,
});

describe('cleanRecord and the dates it is given', () => {
  it('drops a given date that names no calendar day, with a warning naming the record', () => {
    const doc = cleanRecord(record('Headline\n\nBody text.', { published: '2020-13-01' }));
    expect(doc.meta.published?.value.slice(0, 10)).not.toBe('2020-13-01');
    const warning = doc.messages.find((message) => message.ruleId === 'published-hint-invalid');
    expect(warning?.text).toContain('batch.jsonl#a1');
    expect(warning?.text).toContain('2020-13-01');
  });

  it('reads a given date written as text, and keeps a valid ISO stamp as written', () => {
    expect(cleanRecord(record('Headline\n\nBody.', { published: '13/02/2023' })).meta.published?.value).toBe(
      '2023-02-13',
    );
    expect(cleanRecord(record('Headline\n\nBody.', { published: '2023-02-13T11:41:00Z' })).meta.published?.value).toBe(
      '2023-02-13T11:41:00Z',
    );
  });

  it('lets a given date beat one chosen among the text dates', () => {
    expect(cleanRecord(record(DUMP)).meta.published).toMatchObject({ value: '2019-10-16T17:08', estimated: true });
    expect(cleanRecord(record(DUMP, { published: '2019-10-15' })).meta.published).toMatchObject({
      value: '2019-10-15',
      estimated: false,
    });
  });

  it('leaves the dates of a body given with its title to the estimate', () => {
    expect(
      cleanRecord(record('A vote on 3 March 2020 closed it.', { title: 'Bridge' })).meta.published,
    ).toBeUndefined();
  });

  it('outputs only real calendar days, whatever the text and the given date', () => {
    const piece = fc.oneof(
      fc.integer({ min: 0, max: 2999 }).map(String),
      fc.constantFrom('/', '.', '-', ' ', '\n', '\n\n', 'Published: ', 'Oktober', 'مهر', 'T10:00'),
    );
    const text = fc.array(piece, { maxLength: 16 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.option(text, { nil: undefined }), (content, published) => {
        const value = cleanRecord(record(content, { published })).meta.published?.value;
        if (value === undefined) return;
        const day = value.slice(0, 10);
        expect(new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10), `${content} / ${published}`).toBe(day);
      }),
      { numRuns: 1000 },
    );
  });
});
