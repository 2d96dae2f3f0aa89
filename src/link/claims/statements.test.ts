import { describe, expect, it } from 'vitest';
import { analyseRecord, createDefaultPipeline } from '../../pipeline/index.js';
import { findClaims } from './find-claims.js';
import { countryNames, createStatementReader, loadClaimsLexicon } from './statements.js';

const pipeline = await createDefaultPipeline();
/** One article: a headline line, then the sentence as its body. */
const annotate = (name: string, body: string) => {
  const content = `News of the day\n\n${body}\n`;
  return {
    ...analyseRecord({ uri: `${name}.txt`, content, mediaType: 'text/plain', bytes: Buffer.from(content) }, pipeline),
    externalId: name,
  };
};
const reader = createStatementReader(loadClaimsLexicon(), countryNames());
const read = (content: string) => reader.read(annotate('one', content), 'one');
const figureClaims = (...texts: string[]) =>
  findClaims(texts.map((text, index) => annotate(`doc${index}`, text))).filter((claim) => claim.kind === 'figure');

// Sentence shapes of the BBC news corpus (2004-2005), where each kind below was once a false conflict.
describe('figure statements', () => {
  it('reads subject, measure and qualifier from the sentence', () => {
    const [statement] = read('Microsoft has sold more than 800,000 Xbox consoles in Japan.');
    expect(statement).toMatchObject({ value: 800000, measure: 'console', qualifier: { words: 'more than' } });
    expect(statement?.actors).toContain('Microsoft');
    expect(statement?.places).toContain('Japan');
  });
  it('reads no claim from a list, a comparison or a change in one sentence', () => {
    expect(
      read(
        'The ODPM data showed the average house price was £192,713 in England; £139,544 in Wales; £116,542 in Scotland.',
      ),
    ).toEqual([]);
    expect(read('The IMF values its gold reserves at between $40 and $50 an ounce.')).toEqual([]);
    expect(read('The average UK house price fell from £180,126 in November to £178,906, Halifax said.')).toEqual([]);
  });
  it('reads no claim from a forecast, a duration, a match minute or a label', () => {
    expect(read('Sky said it would have 10 million subscribers in Britain by 2010.')).toEqual([]);
    expect(read('Portsmouth should have taken the lead against Arsenal on 34 minutes.')).toEqual([]);
    expect(read('Yukos made its Chapter 11 bankruptcy filing in Houston.')).toEqual([]);
  });
});

describe('figure claims', () => {
  it('agrees when two articles give one value, more than and plain included', () => {
    const claims = figureClaims(
      'Microsoft has sold more than 800,000 Xbox consoles in Japan.',
      'In Japan, Microsoft has sold 800,000 Xbox consoles since its launch.',
    );
    expect(claims.map((claim) => claim.relation)).toEqual(['agreement']);
  });
  it('conflicts when two articles give one measure of one subject two values that cannot both hold', () => {
    const claims = figureClaims(
      'Microsoft sold 17.3 million shares in its offer in the US in March 2004.',
      'Microsoft sold 19.2 million shares in its offer in the US in March 2004.',
    );
    const conflict = claims.find((claim) => claim.relation === 'conflict');
    expect(conflict?.evidence.map((evidence) => evidence.value)).toEqual([17300000, 19200000]);
    expect(conflict?.why).toMatchObject({ measure: 'share' });
    expect(conflict?.why?.subject).toContain('Microsoft');
    const [first] = conflict?.evidence ?? [];
    expect(first?.text.slice((first.mark?.start ?? 0) - first.start, (first.mark?.end ?? 0) - first.start)).toBe(
      '17.3 million shares',
    );
  });
  it('never conflicts on compatible qualifiers, two places, or two subjects', () => {
    expect(
      figureClaims(
        'Microsoft sold more than 17 million shares in its offer in the US.',
        'Microsoft sold 19.2 million shares in its offer in the US.',
      ),
    ).toEqual([]);
    expect(
      figureClaims(
        'Halifax said the average house price in Scotland was £116,542.',
        'Halifax said the average house price in England was £192,713.',
      ).filter((claim) => claim.relation === 'conflict'),
    ).toEqual([]);
    expect(
      figureClaims(
        'The firm, whose Agroflora subsidiary operates 13 farms in Venezuela, complied with the law.',
        'Venezuelan authorities have identified 500 farms in Venezuela as idle.',
      ),
    ).toEqual([]);
  });
});

describe('figure statements, read from the clause of the figure', () => {
  it('keeps a figure whose own verb states it though another clause forecasts', () => {
    const [statement] = read('In Germany, Vodafone, which will launch a music service, has 12 million customers.');
    expect(statement).toMatchObject({ value: 12_000_000, measure: 'customer' });
    expect(statement?.actors).toContain('Vodafone');
  });
  it('reads percentages and wire-copy money with what they measure', () => {
    const [rate] = read('Acme Foods said its unemployment rate was 4.7 pct in March.');
    expect(rate).toMatchObject({ value: 4.7, unit: 'percent', measure: 'unemployment rate' });
    const [profit] = read('Acme Foods said net profit was 120 mln dlrs.');
    expect(profit).toMatchObject({ value: 120_000_000, unit: 'US dollars', measure: 'net profit' });
  });
  it('reads no claim from the share of a change, or figures set side by side', () => {
    expect(read('Acme Foods reported a 5% rise in sales.')).toEqual([]);
    expect(read('Acme Foods said net includes a gain of 20.2 mln vs 12.6 mln.')).toEqual([]);
  });
  it('does not take the source of a figure, nor what it is compared with, as its subject', () => {
    expect(read('Distillate stocks stood at 106.9 mln barrels, the Energy Information Administration said.')).toEqual(
      [],
    );
    const [spread] = read('The notes were priced to yield 47 basis points more than comparable Treasury securities.');
    expect(spread?.subjects ?? []).not.toContain('Treasury');
  });
});

describe('figure claims at one time', () => {
  const dated = (name: string, text: string, day: string) => {
    const doc = annotate(name, text);
    return { ...doc, meta: { ...doc.meta, published: { value: day, estimated: false, from: 'hint' } } };
  };
  it('sets an undated figure against another only in a version of the same article, on the same day', () => {
    const claims = (secondDay: string, versions: boolean) =>
      findClaims(
        [
          dated('a', 'The Bank of England gave the market assistance of 120 mln stg.', '1987-03-02'),
          dated('b', 'The Bank of England gave the market assistance of 550 mln stg.', secondDay),
        ],
        undefined,
        undefined,
        versions ? { copyOf: () => 'one article' } : {},
      ).filter((claim) => claim.relation === 'conflict');
    expect(claims('1987-03-02', true)).toHaveLength(1);
    expect(claims('1987-03-03', true)).toEqual([]);
    // Two articles of one day may give the morning's and the afternoon's help.
    expect(claims('1987-03-02', false)).toEqual([]);
  });
  it('sets a corrected figure against the version it corrects', () => {
    const claims = findClaims(
      [
        annotate('first', 'In the year-ago period, Acme Foods reported a loss of 64 cents a share.'),
        annotate('corrected', 'In the year-ago period, Acme Foods reported a loss of 59 cents a share.'),
      ],
      undefined,
      undefined,
      { copyOf: () => 'one article' },
    );
    expect(claims.filter((claim) => claim.relation === 'conflict').map((claim) => claim.note)).toEqual([
      'loss of Acme Foods (XXXX-QX): 59 and 64 US cents',
    ]);
  });
  it('reads what a unit of measure measures, or no claim', () => {
    const [wheat] = read('The Commodity Credit Corporation sold 12,500 tonnes of wheat flour to Iraq.');
    expect(wheat?.measure).toBe('tonne of wheat flour');
    expect(read('Acme Foods has 12,500 tonnes in Iraq.')).toEqual([]);
  });
});

describe('date claims', () => {
  it('does not date a happening named after `before` or `after`', () => {
    const claims = findClaims([
      annotate('a', 'Ministers met on 7 March 2005, just before a crucial Commons vote.'),
      annotate('b', 'The crucial Commons vote came on 7 March 2005.'),
    ]).filter((claim) => claim.kind === 'date');
    expect(claims).toEqual([]);
  });
});
