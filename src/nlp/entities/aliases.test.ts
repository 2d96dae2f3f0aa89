import { describe, expect, it } from 'vitest';
import { makeSpan, type Span } from '../../model/index.js';
import { splitParagraphs, splitSentences } from '../sentences/index.js';
import { loadNameTables, readEntityModel, recogniseEntities } from './index.js';
import { ENTITY_MODEL_PATH } from './paths.js';

const model = readEntityModel(ENTITY_MODEL_PATH);
const tables = loadNameTables();

function spansOf(text: string): Span[] {
  const sentences: Span[] = splitParagraphs(text)
    .flatMap((paragraph) => splitSentences(text, paragraph))
    .map((range) => makeSpan('sentences', range.start, range.end, 'S', { stage: 'test', version: 1 }));
  return recogniseEntities(text, sentences, model, tables);
}

const typeOf = (text: string, spans: Span[], words: string) =>
  spans.filter((span) => text.slice(span.start, span.end) === words).map((span) => span.label);

describe('names in brackets', () => {
  it('reads a country after a person as the country, not as another name of the person', () => {
    const text =
      "Results of the women's singles on Friday:\nTatjana Mittermayer (Germany) beat Ines Gorrochategui (Argentina) 6-4 6-2\nAnke Huber (Germany) beat Sandrine Testud (France) 6-3 6-4\n\nGermany won the cup last year.";
    const spans = spansOf(text);
    expect(typeOf(text, spans, 'Tatjana Mittermayer')).toEqual(['PERSON']);
    expect(typeOf(text, spans, 'Germany')).toEqual(['LOC', 'LOC', 'LOC']);
    expect(typeOf(text, spans, 'France')).toEqual(['LOC']);
    const germany = spans.filter((span) => text.slice(span.start, span.end) === 'Germany');
    expect(new Set(germany.map((span) => span.attrs?.entity))).toEqual(new Set(['Germany']));
  });

  it('reads a fixture day in brackets as a day, not as another name of the team', () => {
    const text =
      'Preview: Ireland v England (Sun)\n\nEngland have lost eight of their last 13 matches. Sun shone on Dublin.';
    const spans = spansOf(text);
    const england = spans.filter((span) => text.slice(span.start, span.end) === 'England');
    expect(new Set(england.map((span) => span.attrs?.entity))).toEqual(new Set(['England']));
    expect(
      spans.filter((span) => span.attrs?.entity === 'England').map((span) => text.slice(span.start, span.end)),
    ).not.toContain('Sun');
  });

  it('takes no note letter, exchange code or pair of things in brackets for a name of what it follows', () => {
    const text =
      'Sales to the United States (E) rose. First American Bankshares (FABK.O) said it agreed to the offer. Prices for Japan (C AND F) were steady. Texaco Inc (QTX) said it would appeal.\n\nE and C AND F are notes. FABK.O shares rose. QTX rose.';
    const spans = spansOf(text);
    for (const code of ['E', 'FABK.O', 'C AND F', 'QTX']) {
      const named = spans.filter((span) => text.slice(span.start, span.end) === code);
      expect(named.map((span) => span.attrs?.entity)).not.toContain('United States');
      expect(named.map((span) => span.attrs?.entity)).not.toContain('First American Bankshares');
      expect(named.map((span) => span.attrs?.entity)).not.toContain('Japan');
      expect(named.map((span) => span.attrs?.entity)).not.toContain('Texaco Inc');
    }
  });

  it('still takes an acronym in brackets for a name of what it follows', () => {
    const text = 'The Popular Mobilization Units (PMU) issued a statement. A PMU commander said the PMU would stay.';
    const pmu = spansOf(text).filter((span) => text.slice(span.start, span.end) === 'PMU');
    expect(pmu.length).toBe(3);
    expect(new Set(pmu.map((span) => span.attrs?.entity))).toEqual(new Set(['Popular Mobilization Units']));
  });
});

describe('types in one document', () => {
  it('keeps the tagger type of each mention instead of a vote that spreads one reading', () => {
    // The town and the club share a name; most mentions are the club.
    const text = 'The match was played in Nice. Nice beat Lyon 2-0 and Nice coach Albert Emon said Nice deserved it.';
    expect(typeOf(text, spansOf(text), 'Nice')).toEqual(['LOC', 'ORG', 'ORG', 'ORG']);
    const dateline =
      'MILAN 1996-08-30\n\nMilan beat Lazio 2-1 on Sunday. Milan coach Oscar Tabarez said Milan played well.';
    expect(typeOf(dateline, spansOf(dateline), 'MILAN')).toEqual(['LOC']);
  });
});

describe('honorifics', () => {
  it("keeps Mr, Dr and Sheikh as the person's honorific, not as a role", () => {
    const text =
      'Prime Minister Tony Blair spoke in London. Mr Blair said Dr Ayman Nour and Sheikh Qais al-Khazali agreed.';
    const spans = spansOf(text).filter((span) => span.label === 'PERSON');
    const found = spans.map((span) => ({
      text: text.slice(span.start, span.end),
      roles: span.attrs?.roles ?? [],
      honorifics: span.attrs?.honorifics ?? [],
    }));
    expect(found).toContainEqual({ text: 'Tony Blair', roles: ['Prime Minister'], honorifics: [] });
    expect(found).toContainEqual({ text: 'Blair', roles: [], honorifics: ['Mr'] });
    expect(found).toContainEqual({ text: 'Ayman Nour', roles: [], honorifics: ['Dr'] });
    expect(found).toContainEqual({ text: 'Qais al-Khazali', roles: [], honorifics: ['Sheikh'] });
  });
});
