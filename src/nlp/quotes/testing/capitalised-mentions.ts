/**
 * TEST HELPER, NOT A SHIPPED STAGE. A stand-in `entities` layer so the quotes stage can run end to
 * end before nlp/entities lands: runs of capitalised words, with acronyms in brackets and short
 * names linked to the longer name said earlier. Replace with createEntitiesStage() when it merges.
 */
import { type Doc, makeSpan, type Span } from '../../../model/index.js';
import type { Stage } from '../../../pipeline/stage.js';

const RUN =
  /(?:\p{Lu}[\p{L}’'.-]*|(?:al|el)-\p{Lu}[\p{L}’'-]*)(?:[ \t]+(?:(?:of|the|al|bin)[ \t]+)?(?:\p{Lu}[\p{L}’'.-]*|(?:al|el)-\p{Lu}[\p{L}’'-]*))*/gu;
const SKIP = new Set([
  'The',
  'A',
  'An',
  'In',
  'On',
  'At',
  'It',
  'He',
  'She',
  'They',
  'We',
  'I',
  'But',
  'And',
  'While',
  'This',
  'That',
  'These',
  'Since',
  'Earlier',
  'Meanwhile',
  'Elsewhere',
  'Two',
  'As',
  'If',
  'When',
  'After',
  'Therefore',
  'There',
  'Anti-American',
  'Back',
  'Press',
  'News',
  'Pressured',
  'Attacks',
  'Talks',
  'Iraqi',
  'American',
  'Emirati',
  'Israeli',
  'Iranian',
  'Arab',
  'Takfiri',
  'Zionism',
  'God',
  'Thursday',
  'Sunday',
  'Saturday',
  'Tuesday',
  'Wednesday',
  'Monday',
  'Friday',
]);
const TITLES =
  /^(?:(?:Acting|Assistant|Secretary|of|State|President|Prime|Minister|Lt\.|General|Lieutenant|Gen\.|Mr\.|Mrs\.|Ms\.|Dr\.|Senator|Sen\.|Rep\.|Governor|US|former|then-president)\s+)+/u;
const ORG =
  /\b(?:Organization|Group|Commission|Force|Forces|Units|Department|Alliance|Corps|Movement|Harakat|Party|Ministry|Council|Committee|Army|Post|Times|News|Agency|Service|Asa’ib|Daesh|ISIS|Hezbollah|IRGC|PMU|IRCC|Arabiya)\b/u;
const PLACES = new Set([
  'Iraq',
  'Iran',
  'Syria',
  'Israel',
  'Baghdad',
  'Washington',
  'US',
  'America',
  'Anbar',
  'UAE',
  'Emirates',
  'United States',
  'United Arab Emirates',
]);

export function createCapitalisedMentionsStage(): Stage<'sentences', 'entities'> {
  return {
    name: 'testing/capitalised-mentions',
    version: 1,
    requires: ['sentences'],
    produces: ['entities'],
    run: (doc: Readonly<Doc>) => ({ entities: findCapitalisedMentions(doc.text) }),
  };
}

export function findCapitalisedMentions(text: string): Span[] {
  const by = { stage: 'testing/capitalised-mentions', version: 1 };
  const spans: Span[] = [];
  const acronyms = new Map<string, string>();
  for (const match of text.matchAll(RUN)) {
    let value = match[0].replace(/[’'.]+$/u, '');
    let start = match.index;
    const firstWord = value.split(/\s+/)[0] as string;
    if (SKIP.has(firstWord)) {
      const rest = value.slice(firstWord.length).trimStart();
      start += value.length - rest.length;
      value = rest;
    }
    const title = TITLES.exec(value);
    if (title && title[0].length < value.length) {
      start += title[0].length;
      value = value.slice(title[0].length);
    }
    value = value.replace(/’s$/u, '');
    if (!value || SKIP.has(value)) continue;
    const bracket = /^\s*\((\p{Lu}{2,})\)/u.exec(text.slice(start + value.length));
    if (bracket) acronyms.set(bracket[1] as string, value);
    const label = PLACES.has(value) ? 'LOC' : ORG.test(value) || /^\p{Lu}{2,}$/u.test(value) ? 'ORG' : 'PERSON';
    const entity = acronyms.get(value) ?? longerName(spans, value) ?? value;
    spans.push(makeSpan('entities', start, start + value.length, label, by, { entity }));
  }
  return spans;
}

function longerName(spans: readonly Span[], value: string): string | undefined {
  if (value.includes(' ')) return undefined;
  const key = value.toLowerCase().replace(/^al-/u, '');
  for (const span of spans) {
    const name = String(span.attrs?.entity ?? '');
    const last = (name.split(' ').pop() ?? '').toLowerCase().replace(/^al-/u, '');
    if (name.includes(' ') && last === key) return name;
  }
  return undefined;
}
