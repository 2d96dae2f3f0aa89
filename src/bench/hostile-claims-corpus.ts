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
    let at = 0;
    const append = (sentence: string) => {
      parts.push(sentence);
      const start = at;
      at += sentence.length + 1;
      return start;
    };
    for (let e = 0; e < size.eventsPerDocument; e++) {
      const day = 1 + ((n * 7 + e * 3) % 28);
      const date = `2020-01-${String(day).padStart(2, '0')}`;
      const sentence = `John Smith said the attack on ${date} hit Baghdad.`;
      const start = append(sentence);
      events.push(makeSpan('events', start, start + sentence.length, 'EVENT', by, { date, dating: 'stated' }));
    }
    for (let f = 0; f < size.figuresPerDocument; f++) {
      const value = 1000 + ((n * 131 + f * 17) % 900);
      const sentence = `${value} troops arrived.`;
      const start = append(sentence);
      const end = start + String(value).length + ' troops'.length;
      figures.push(makeSpan('figures', start, end, 'COUNT', by, { value, unit: 'troops' }));
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
      layers: { events, figures },
      messages: [],
    };
  });
}
