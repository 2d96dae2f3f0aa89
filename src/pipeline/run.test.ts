import { describe, expect, it } from 'vitest';
import { type Doc, emptyMeta, identityMap, makeSpan, type Stage } from '../model/index.js';
import { createPipeline } from './run.js';
import { recordingRuns } from './test-helpers.js';

function makeDoc(text: string): Doc {
  return {
    id: 'd1',
    source: { uri: 'test', mediaType: 'text/plain' },
    raw: text,
    text,
    origin: identityMap(text.length),
    meta: emptyMeta(),
    layers: {},
    messages: [],
  };
}

const by = { stage: 'test', version: 1 };
const sentences: Stage<never, 'sentences'> = {
  name: 'test/sentences',
  version: 3,
  requires: [],
  produces: ['sentences'],
  run: (doc) => ({ sentences: [makeSpan('sentences', 0, doc.text.length, 'S', by)] }),
};
const entities: Stage<'sentences', 'entities'> = {
  name: 'test/entities',
  version: 1,
  requires: ['sentences'],
  produces: ['entities'],
  run: () => ({ entities: [] }),
};
const failing: Stage<never, 'sentences'> = {
  ...sentences,
  name: 'test/failing',
  run: () => {
    throw new Error('boom');
  },
};

describe('createPipeline', () => {
  it('refuses a stage whose requirement no earlier stage produces', () => {
    expect(() => createPipeline([entities, sentences])).toThrow(/requires "sentences"/);
  });

  it('refuses two stages that produce the same layer', () => {
    expect(() => createPipeline([sentences, { ...sentences, name: 'other' }])).toThrow(/produced by both/);
  });

  it('stamps provenance and never mutates the input document', () => {
    const doc = makeDoc('One sentence.');
    const result = createPipeline([sentences, entities]).run(doc);
    expect(doc.layers).toEqual({});
    expect(result.layers.sentences?.[0]?.by).toEqual({ stage: 'test/sentences', version: 3 });
    expect(result.layers.entities).toEqual([]);
  });

  it('turns a failing stage into an error on that document and skips what depends on it', () => {
    const result = createPipeline([failing, entities]).run(makeDoc('Text.'));
    expect(result.messages.map((message) => [message.severity, message.source])).toEqual([
      ['error', 'test/failing'],
      ['info', 'test/entities'],
    ]);
    expect(result.layers.entities).toBeUndefined();
  });

  it('runs only the stages the wanted layers need', () => {
    const result = createPipeline([sentences, entities]).run(makeDoc('Text.'), new Set(['sentences']));
    expect(Object.keys(result.layers)).toEqual(['sentences']);
  });

  it('skips the stages left once a document has used its time budget, keeping the layers already made', () => {
    let now = 0;
    const slowSentences: Stage<never, 'sentences'> = {
      ...sentences,
      run: (doc) => {
        now += 1500;
        return sentences.run(doc, { info() {}, warning() {}, error() {} } as never);
      },
    };
    const pipeline = createPipeline([slowSentences, entities], { budgetMs: 1000, clock: () => now });
    const doc = pipeline.run(makeDoc('One sentence.'));
    expect(doc.layers.sentences?.map((span) => [span.start, span.end])).toEqual([[0, 13]]);
    expect(doc.layers.entities).toBeUndefined();
    expect(doc.versions).toEqual({ sentences: 'test/sentences@3' });
    expect(doc.messages).toEqual([
      {
        severity: 'warning',
        text: 'time budget of 1000 ms used up after 1500 ms: test/entities and the stages after it were skipped; the layers already made are kept',
        source: 'test/entities',
        ruleId: 'time-budget',
      },
    ]);

    const inBudget = createPipeline([slowSentences, entities], { budgetMs: 2000, clock: () => now });
    expect(inBudget.run(makeDoc('One sentence.')).layers.entities).toEqual([]);
  });

  it('writes and stamps a metadata field a stage produces, and removes it when a newer run has none', () => {
    const pipeline = createPipeline([sentences, headline]);
    const doc = pipeline.run({ ...makeDoc('One sentence.'), meta: { ...emptyMeta(), headline: 'A headline' } });
    expect(doc.meta.headlineQuotes).toEqual([headlineQuote]);
    expect(doc.versions).toEqual({ sentences: 'test/sentences@3', 'meta.headlineQuotes': 'test/headline@2' });
    const renamed = { ...doc, meta: { ...doc.meta, headline: undefined } };
    expect('headlineQuotes' in pipeline.refresh(renamed, new Set(['meta.headlineQuotes'])).meta).toBe(false);
  });

  it('checks metadata outputs as it checks layers: produced once, and before what requires them', () => {
    expect(() => createPipeline([headline, { ...headline, name: 'other' }])).toThrow(
      /"meta.headlineQuotes" is produced by both test\/headline and other/,
    );
    const needsHeadline: Stage<'meta.headlineQuotes', 'entities'> = { ...entities, requires: ['meta.headlineQuotes'] };
    expect(() => createPipeline([needsHeadline, headline])).toThrow(/requires "meta.headlineQuotes"/);
  });

  it('refreshes the stale outputs and what is computed from them, and keeps the rest', () => {
    const ran: string[] = [];
    const counted = recordingRuns(ran);
    const pipeline = createPipeline([sentences, entities, headline].map(counted));
    const doc = pipeline.run(makeDoc('One sentence.'));
    ran.length = 0;
    const oldMessage = { severity: 'info' as const, text: 'old', source: 'test/entities' };
    const refreshed = pipeline.refresh({ ...doc, messages: [oldMessage] }, new Set(['sentences']));
    expect(ran).toEqual(['test/sentences', 'test/entities']);
    expect(refreshed.messages).toEqual([]);
    ran.length = 0;
    pipeline.refresh(doc, new Set(['entities']));
    expect(ran).toEqual(['test/entities']);
  });
});

const headlineQuote = {
  start: 0,
  end: 1,
  kind: 'partial',
  speakerStart: null,
  speakerEnd: null,
  speakerText: null,
  cueLemma: null,
};
const headline: Stage<never, 'meta.headlineQuotes'> = {
  name: 'test/headline',
  version: 2,
  requires: [],
  produces: ['meta.headlineQuotes'],
  run: (doc) => (doc.meta.headline ? { meta: { headlineQuotes: [headlineQuote] } } : {}),
};
