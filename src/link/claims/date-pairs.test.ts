import { describe, expect, it } from 'vitest';
import { type Doc, emptyMeta, identityMap, makeSpan } from '../../model/index.js';
import { seededRandom } from '../../nlp/seeded-random.js';
import { dayNumber } from './date-pairs.js';
import { findClaims } from './find-claims.js';

const PHRASES = [
  'the Baghdad attack',
  'the budget bill',
  'the budget vote',
  'the Baghdad attack and the budget bill',
  'the Geneva summit',
];
const DATES = ['2020-01-03', '2020-01-05', '2020-01-20', '2020-03-01', '2021-01-05', 'XXXX-01-05', 'XXXX-01-03'];

/** Small documents whose events mix happenings (`budget vote` names two kinds), days with and without a year. */
function mixedDocs(seed: number): Doc[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  return Array.from({ length: 12 }, (_, n) => {
    const sentences = Array.from({ length: 1 + Math.floor(random() * 4) }, () => ({
      text: `Officials said ${pick(PHRASES)} happened on that day.`,
      date: pick(DATES),
    }));
    const text = sentences.map((sentence) => sentence.text).join(' ');
    let at = 0;
    const events = sentences.map((sentence) => {
      const span = makeSpan(
        'events',
        at,
        at + sentence.text.length,
        'EVENT',
        { stage: 'test', version: 1 },
        {
          date: sentence.date,
          dating: 'stated',
          timex: `timexes:${at + sentence.text.indexOf('that day')}-${at + sentence.text.indexOf('that day') + 8}:DATE`,
        },
      );
      at += sentence.text.length + 1;
      return span;
    });
    return {
      id: `d${n}`,
      source: { uri: `d${n}.txt`, mediaType: 'text/plain' },
      raw: text,
      text,
      origin: identityMap(text.length),
      meta: emptyMeta(),
      layers: { events },
      messages: [],
    };
  });
}

/** Every pair compared in turn: the definition the indexed search must reproduce, order included. */
function everyPair(docs: Doc[]): { conflicts: string[]; agreements: string[] } {
  const claims = findClaims(docs).flatMap((claim) => claim.evidence);
  const unique = [...new Map(claims.map((claim) => [`${claim.doc}:${claim.start}`, claim])).values()];
  const byPosition = unique.sort(
    (a, b) => Number(a.doc.slice(1, -4)) - Number(b.doc.slice(1, -4)) || a.start - b.start,
  );
  const topicsOf = (claim: (typeof byPosition)[number]) => {
    const doc = docs.find((each) => each.source.uri === claim.doc) as Doc;
    const sentence = doc.text.slice(claim.start, claim.end);
    return [
      /Baghdad attack/.test(sentence) && 'attack:baghdad attack',
      /budget bill/.test(sentence) && 'bill:budget bill',
      /budget vote/.test(sentence) && 'bill:budget vote',
      /budget vote/.test(sentence) && 'election:budget vote',
      /Geneva summit/.test(sentence) && 'talks:geneva summit',
    ].filter(Boolean) as string[];
  };
  const conflicts: string[] = [];
  const agreed = new Map<string, string[]>();
  for (let i = 0; i < byPosition.length; i++)
    for (let j = i + 1; j < byPosition.length; j++) {
      const [a, b] = [byPosition[i], byPosition[j]] as [(typeof byPosition)[number], (typeof byPosition)[number]];
      const topic = topicsOf(a).find((name) => topicsOf(b).includes(name));
      const [dayA, dayB] = [dayNumber(String(a.value), String(b.value)), dayNumber(String(b.value), String(a.value))];
      if (!topic || dayA === undefined || dayB === undefined) continue;
      const name = (claim: typeof a) => `${claim.doc}:${claim.start}`;
      if (dayA === dayB && a.doc !== b.doc) {
        const group = agreed.get(`${topic}|${dayA}`) ?? [];
        for (const claim of [a, b]) if (!group.includes(name(claim))) group.push(name(claim));
        agreed.set(`${topic}|${dayA}`, group);
      } else if (dayA !== dayB && Math.abs(dayA - dayB) <= 31)
        conflicts.push(`${topic.split(':')[0]} ${name(a)} ${name(b)}`);
    }
  return { conflicts, agreements: [...agreed.values()].map((group) => group.join(' ')) };
}

describe('datePairsWithinMonth and orderAgreement', () => {
  it('find the conflicts and agreements of comparing every pair, in the same order', () => {
    let compared = { conflicts: 0, agreements: 0 };
    for (let seed = 1; seed <= 25; seed++) {
      const docs = mixedDocs(seed);
      const found = findClaims(docs).filter((claim) => claim.kind === 'date');
      const name = (claim: (typeof found)[number]) => claim.evidence.map((e) => `${e.doc}:${e.start}`).join(' ');
      const expected = everyPair(docs);
      expect(
        found.filter((claim) => claim.relation === 'conflict').map((claim) => `${claim.topic} ${name(claim)}`),
      ).toEqual(expected.conflicts);
      expect(found.filter((claim) => claim.relation === 'agreement').map(name)).toEqual(expected.agreements);
      compared = {
        conflicts: compared.conflicts + expected.conflicts.length,
        agreements: compared.agreements + expected.agreements.length,
      };
    }
    expect(compared.conflicts).toBeGreaterThan(500);
    expect(compared.agreements).toBeGreaterThan(100);
  });
});
