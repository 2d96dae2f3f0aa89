import { describe, expect, it } from 'vitest';
import { identityMap, makeSpan } from '../../model/index.js';
import { parseConll } from '../../nlp/entities/conll.js';
import { annotator, entitiesOnTokens, rebuildAsText } from './annotate-path.js';

const CONLL = `-DOCSTART- -X- -X- O

TENNIS NN B-NP O
RESULTS NNS I-NP O

Anke NNP B-NP B-PER
Huber NNP I-NP I-PER
( ( O O
Germany NNP B-NP B-LOC
) ) O O
beat VBD B-VP O
G. NNP B-NP B-PER
Kersey NNP I-NP I-PER
`;

describe('CoNLL documents through the annotate path', () => {
  const [doc] = parseConll(CONLL);
  const rebuilt = rebuildAsText(doc as NonNullable<typeof doc>);

  it('rebuilds a document as text with tokens joined by spaces and a sentence a line', () => {
    expect(rebuilt.text).toBe('TENNIS RESULTS\nAnke Huber ( Germany ) beat G. Kersey');
    expect(rebuilt.tokens.map((token) => rebuilt.text.slice(token.start, token.end))).toEqual(
      'TENNIS RESULTS Anke Huber ( Germany ) beat G. Kersey'.split(' '),
    );
    expect(rebuilt.gold).toEqual([
      { start: 2, end: 4, label: 'PER' },
      { start: 5, end: 6, label: 'LOC' },
      { start: 8, end: 10, label: 'PER' },
    ]);
  });

  it('maps spans on token boundaries to tokens, and any other span to no token at all', () => {
    const text = rebuilt.text;
    const at = (words: string) => text.indexOf(words);
    const spans = [
      makeSpan('entities', at('Anke'), at('Anke') + 'Anke Huber'.length, 'PERSON', { stage: 't', version: 1 }),
      makeSpan('entities', at('Germ'), at('Germ') + 4, 'LOC', { stage: 't', version: 1 }),
    ];
    const outcome = entitiesOnTokens(rebuilt, {
      text,
      origin: identityMap(text.length),
      layers: { entities: spans },
    } as unknown as Parameters<typeof entitiesOnTokens>[1]);
    expect(outcome.predicted[0]).toEqual({ start: 2, end: 4, label: 'PER' });
    expect(outcome.predicted[1]?.start).toBeLessThan(0);
    expect(outcome.misaligned).toBe(1);
    expect(outcome.droppedTokens).toBe(0);
  });

  it('finds what lede annotate finds, country in brackets included', async () => {
    const annotated = (await annotator(true))('t1', rebuilt.text);
    const outcome = entitiesOnTokens(rebuilt, annotated);
    expect(outcome.predicted).toEqual(expect.arrayContaining(rebuilt.gold));
  });
});
