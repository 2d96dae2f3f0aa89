import { describe, expect, it } from 'vitest';
import { entitiesFromIob, parseConll } from './conll.js';
import { viterbi } from './perceptron.js';
import { decodeBilou, encodeBilou, TAG_INDEX, TAGS } from './tags.js';

describe('BILOU tags', () => {
  it('round-trip entities of one and several tokens', () => {
    const entities = [
      { start: 0, end: 1, label: 'PER' },
      { start: 2, end: 5, label: 'ORG' },
      { start: 5, end: 7, label: 'LOC' },
    ];
    expect(decodeBilou(encodeBilou(entities, 8))).toEqual(entities);
  });

  it('decode only well-formed sequences under Viterbi, even when emissions favour a broken one', () => {
    const scores = new Float64Array(2 * TAGS.length);
    // Token 0 prefers I-PER (impossible at a start), token 1 prefers B-ORG (impossible at an end).
    scores[TAG_INDEX.get('I-PER') as number] = 10;
    scores[TAGS.length + (TAG_INDEX.get('B-ORG') as number)] = 10;
    scores[TAGS.length + (TAG_INDEX.get('U-ORG') as number)] = 5;
    const path = viterbi(scores, 2, new Float64Array((TAGS.length + 1) * TAGS.length));
    expect(path.map((tag) => TAGS[tag])).toEqual(['O', 'U-ORG']);
  });
});

describe('CoNLL reader', () => {
  it('reads documents, sentences and IOB entities, splitting I- after another type as conlleval does', () => {
    const docs = parseConll(
      '-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP I-MISC\nPeter NNP B-NP I-PER\n\nBRUSSELS NNP B-NP B-LOC\n',
    );
    expect(docs).toHaveLength(1);
    expect(docs[0]?.sentences).toHaveLength(2);
    expect(entitiesFromIob(docs[0]?.sentences[0]?.tags ?? [])).toEqual([
      { start: 0, end: 1, label: 'ORG' },
      { start: 2, end: 3, label: 'MISC' },
      { start: 3, end: 4, label: 'PER' },
    ]);
  });
});
