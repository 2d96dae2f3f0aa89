import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Doc, emptyMeta, identityMap, makeSpan } from '../../model/index.js';
import { splitParagraphs, splitSentences } from '../sentences/index.js';
import { createLoadedStage } from './stage.js';
import { TECHNIQUES } from './techniques.js';

const stage = createLoadedStage();
const silent = { error() {}, warning() {}, info() {} };

function makeDoc(text: string, uri = 'test.txt', outlet?: string): Doc {
  const sentences = splitParagraphs(text)
    .flatMap((paragraph) => splitSentences(text, paragraph))
    .map((range) => makeSpan('sentences', range.start, range.end, 'S', { stage: 'test', version: 1 }));
  return {
    id: uri,
    source: { uri, mediaType: 'text/plain' },
    raw: text,
    text,
    origin: identityMap(text.length),
    meta: { ...emptyMeta(), outlet },
    layers: { sentences },
    messages: [],
  };
}

const loadedText =
  'The commanders were martyred in a dastardly attack ordered by the occupying forces.\n\n' +
  'Talks between the US and Iraq began in June 2020 under the Trump administration.';

describe('nlp/loaded stage', () => {
  it('flags the loaded words of a sentence with a technique, a score and an explanation', () => {
    const doc = makeDoc(loadedText);
    const spans = stage.run(doc, silent).loaded;
    const evidence = spans.map((span) => doc.text.slice(span.start, span.end));
    expect(evidence.some((text) => text.includes('martyred'))).toBe(true);
    for (const span of spans) {
      expect(TECHNIQUES).toContain(span.label);
      expect(span.attrs?.score).toBeGreaterThan(0);
      expect(span.attrs?.score).toBeLessThanOrEqual(1);
      expect(typeof span.attrs?.explanation).toBe('string');
      expect(doc.text.slice(span.start, span.end).trim()).toBe(doc.text.slice(span.start, span.end));
    }
    const martyred = spans.find((span) => doc.text.slice(span.start, span.end).includes('martyred'));
    expect(martyred?.attrs?.explanation).toBe('emotionally charged word for a death');
  });

  it('leaves a plain reporting sentence unflagged', () => {
    const doc = makeDoc(loadedText);
    const neutralStart = doc.text.indexOf('Talks');
    const spans = stage.run(doc, silent).loaded;
    expect(spans.filter((span) => span.end > neutralStart)).toEqual([]);
  });

  it('gives the same sentence the same flags whatever its source or outlet', () => {
    const a = stage.run(makeDoc(loadedText, 'presstv.txt', 'Press TV'), silent).loaded;
    const b = stage.run(makeDoc(loadedText, 'reuters.txt', 'Reuters'), silent).loaded;
    expect(a).toEqual(b);
  });

  it('returns no spans for a document without sentences', () => {
    expect(stage.run(makeDoc(''), silent).loaded).toEqual([]);
  });

  it('reads its model on first use, not when the pipeline is built', () => {
    const missing = createLoadedStage({ modelPath: join(tmpdir(), 'no-such-framing-model.json.gz') });
    expect(() => missing.run(makeDoc(loadedText), silent)).toThrow(/framing model not found/);
  });
});
