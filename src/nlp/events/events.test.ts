import { describe, expect, it } from 'vitest';
import { cleanRecord } from '../../clean/index.js';
import { readSeed } from '../../eval/gold.js';
import { makeSpan } from '../../model/index.js';
import { createDefaultPipeline } from '../../pipeline/index.js';
import { splitSentences } from '../sentences/index.js';
import { createTimexFinder, timexSpans } from '../timex/index.js';
import { estimatePublishedWithReason } from './estimate-published.js';
import { estimatePublished, findEvents, inheritPublished } from './index.js';

const pipeline = await createDefaultPipeline();

function seed(file: string) {
  const content = readSeed(file);
  return pipeline.run(cleanRecord({ uri: file, content, mediaType: 'text/plain', bytes: Buffer.from(content) }));
}

describe('nlp/events', () => {
  it('dates "two days after the attack" from the attack stated earlier in the article', () => {
    const doc = seed('000_20713fa631250657.txt');
    const anchored = (doc.layers.events ?? []).find((event) => event.attrs?.dating === 'anchored');
    expect(anchored?.attrs?.date).toBe('2020-01-05');
    expect(doc.text.slice(anchored?.start, anchored?.end)).toMatch(/^Two days after the dastardly attack/);
  });

  it('names the date, place and sentence of the drone strike', () => {
    const doc = seed('000_20713fa631250657.txt');
    const strike = (doc.layers.events ?? []).find((event) => event.attrs?.date === '2020-01-03');
    expect(strike?.attrs?.where).toContain('Baghdad International Airport');
    expect(doc.text.slice(strike?.start, strike?.end)).toContain('US drone strike');
  });

  it('estimates an undated article from an anniversary still to come, with interval and evidence', () => {
    const doc = seed('004_6235856161f2dd9b.txt');
    const estimate = estimatePublished(doc.text);
    expect(estimate).toMatchObject({ estimated: true, earliest: '2021-12-03', latest: '2022-01-03' });
    expect(estimate?.evidence?.join(' ')).toContain('second martyrdom anniversary');
  });

  it('remembers no date still to come, and dates nothing after the fetch time, from an anniversary', () => {
    const bond = [
      'Euratom is issuing a 100 mln ECU eurobond due April 24, 1997, paying 7-3/8 pct.',
      'A Paribas official said Euratom had timed the issue to coincide with the 30th anniversary of the Treaty of Rome.',
    ].join('\n\n');
    expect(estimatePublished(bond)?.value ?? 'none').not.toMatch(/^2027/);
    const strike = 'The strike killed him on January 3, 2020. Crowds marked the second anniversary of the strike.';
    expect(estimatePublished(strike)).toMatchObject({ earliest: '2021-12-27' });
    expect(estimatePublishedWithReason(strike, undefined, '2021-06-01T00:00:00Z').value?.earliest).not.toBe(
      '2021-12-27',
    );
  });

  it('dates a quote by the day it was said, not by the "today" inside it', () => {
    const doc = seed('004_6235856161f2dd9b.txt');
    const said = (doc.layers.events ?? []).find((event) =>
      doc.text.slice(event.start, event.end).includes('al-Uqabi said on Wednesday'),
    );
    const day = new Date(`${said?.attrs?.date}T00:00:00Z`);
    expect(day.getUTCDay()).toBe(3);
  });

  it('returns no estimate for a text without any stated date', () => {
    expect(estimatePublished('Nothing here says when it happened.')).toBeUndefined();
  });

  it('gives a near-duplicate the date of its dated twin, marked as inherited', () => {
    expect(inheritPublished({ id: 'a1', published: { value: '2023-02-13', estimated: false } })).toMatchObject({
      value: '2023-02-13',
      estimated: true,
      from: 'near-duplicate:a1',
    });
  });

  it('leaves out a piece cut from its sentence and an event that is only a title', () => {
    const text =
      'The rapper rose to fame with hits like What’s My Name? and Gin and Juice in 1993. ' +
      'Turnout fell after the 2001 election campaign. ' +
      'Voters remembered the 2004 referendum on the constitution, which failed.';
    const by = { stage: 'test', version: 1 };
    const sentences = splitSentences(text).map((range) => makeSpan('sentences', range.start, range.end, 'S', by));
    const timexes = timexSpans(createTimexFinder().find(text), 'none');
    const events = findEvents(text, sentences, timexes);
    // Only the referendum: the title piece is cut off, and `the 2001 election campaign` says nothing of what happened.
    expect(events.map((event) => event.what)).toEqual(['The 2004 referendum on the constitution']);
  });

  it('reads no event into a name that holds an event noun', () => {
    const text = 'The messages broke the 2003 Controlling the Assault of Non-Solicited Pornography Act (Can-Spam).';
    const by = { stage: 'test', version: 1 };
    const sentences = splitSentences(text).map((range) => makeSpan('sentences', range.start, range.end, 'S', by));
    const timexes = timexSpans(createTimexFinder().find(text), 'none');
    expect(findEvents(text, sentences, timexes)).toEqual([]);
  });

  it('counts a present sentence from the latest year a past one gives, and takes a stated year of writing', () => {
    const text =
      'Lord Sainsbury gave the party £2m in 2005. ' +
      'The latest donation follows a £2.5m gift to the party in 2003. ' +
      'Donors face new rules in 2006.';
    const by = { stage: 'test', version: 1 };
    const sentences = splitSentences(text).map((range) => makeSpan('sentences', range.start, range.end, 'S', by));
    const timexes = timexSpans(createTimexFinder().find(text), 'none');
    // Written in 2005 or later, so the 2003 gift is past background to how things stand; 2006 is to come.
    expect(findEvents(text, sentences, timexes).map((event) => event.date)).toEqual(['2005', '2006']);
    // A stated year of writing wins over what the text implies.
    expect(findEvents(text, sentences, timexes, [], undefined, 2003).map((event) => event.date)).toEqual([
      '2005',
      '2003',
      '2006',
    ]);
  });

  it('finds the events of a text without sentence breaks in time that grows with its length', () => {
    const clause =
      'two days after the attack on 3 January 2020 the Baghdad council met and the army said the strike was over ';
    const text = clause.repeat(1500);
    const by = { stage: 'test', version: 1 };
    const sentences = splitSentences(text).map((range) => makeSpan('sentences', range.start, range.end, 'S', by));
    const timexes = timexSpans(createTimexFinder().find(text), 'none');
    const started = performance.now();
    const events = findEvents(text, sentences, timexes);
    expect(performance.now() - started).toBeLessThan(10_000);
    // One event per sentence, each at most 2,000 characters long; a piece that opens on "two days after
    // the attack" is dated from the attack before it.
    expect(events.length).toBe(sentences.length);
    expect(events.every((event) => event.end - event.start <= 2000)).toBe(true);
    expect(new Set(events.map((event) => event.date))).toEqual(new Set(['2020-01-03', '2020-01-05']));
  }, 60_000);
});
