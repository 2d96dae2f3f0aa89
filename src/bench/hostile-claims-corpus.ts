/**
 * A machine-made corpus that attacks the claims comparison: every document reports the same kind of
 * event on many nearby days and counts the same thing with many values, as a fuzzer or a spam farm
 * would. Normal news has a few claims per story; this has thousands per topic.
 */
import { type Doc, emptyMeta, identityMap, makeSpan, type Span } from '../model/index.js';

export interface HostileCorpusSize {
  documents: number;
  eventsPerDocument: number;
  figuresPerDocument: number;
}

export function hostileClaimsCorpus(size: HostileCorpusSize): Doc[] {
  const by = { stage: 'bench', version: 1 };
  return Array.from({ length: size.documents }, (_, n) => {
    const parts: string[] = [];
    const events: Span[] = [];
    const figures: Span[] = [];
    const sentences: Span[] = [];
    const entities: Span[] = [];
    const timexes: Span[] = [];
    let at = 0;
    const append = (sentence: string) => {
      parts.push(sentence);
      const start = at;
      at += sentence.length + 1;
      sentences.push(makeSpan('sentences', start, start + sentence.length, 'S', by));
      return start;
    };
    // Each sentence names who speaks and the happening or measure it dates or counts, as a real claim does.
    const speaker = (start: number) =>
      entities.push(makeSpan('entities', start, start + 'John Smith'.length, 'PERSON', by, { entity: 'John Smith' }));
    for (let e = 0; e < size.eventsPerDocument; e++) {
      const day = 1 + ((n * 7 + e * 3) % 28);
      const date = `2020-01-${String(day).padStart(2, '0')}`;
      const sentence = `John Smith said the Baghdad attack on ${date} hit the city.`;
      const start = append(sentence);
      speaker(start);
      const dateAt = start + sentence.indexOf(date);
      const timex = `timexes:${dateAt}-${dateAt + date.length}:DATE`;
      events.push(makeSpan('events', start, start + sentence.length, 'EVENT', by, { date, dating: 'stated', timex }));
    }
    for (let f = 0; f < size.figuresPerDocument; f++) {
      const value = 1000 + ((n * 131 + f * 17) % 900);
      // One stated month for every count, so that counts of different documents speak of one time.
      const sentence = `John Smith said ${value} troops arrived in March 2020.`;
      const start = append(sentence);
      speaker(start);
      const monthAt = start + sentence.indexOf('March 2020');
      timexes.push(makeSpan('timexes', monthAt, monthAt + 'March 2020'.length, 'DATE', by, { value: '2020-03' }));
      const figureAt = start + sentence.indexOf(String(value));
      const end = figureAt + String(value).length + ' troops'.length;
      figures.push(makeSpan('figures', figureAt, end, 'COUNT', by, { value, unit: 'troops' }));
    }
    const text = parts.join(' ');
    return {
      id: `hostile-${n}`,
      externalId: `hostile-${n}`,
      source: { uri: `hostile-${n}.txt`, mediaType: 'text/plain' },
      raw: text,
      text,
      origin: identityMap(text.length),
      meta: emptyMeta(),
      layers: { sentences, entities, events, figures, timexes },
      messages: [],
    };
  });
}
