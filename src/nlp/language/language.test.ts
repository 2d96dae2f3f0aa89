import { describe, expect, it } from 'vitest';
import { cleanRecord } from '../../clean/index.js';
import type { RawRecord } from '../../ingest/index.js';
import { collectMessages, type Doc, type Message } from '../../model/index.js';
import { createEntitiesStage } from '../entities/index.js';
import { createSentencesStage } from '../sentences/index.js';
import {
  createLanguageStage,
  loadLanguageDetector,
  normaliseLanguageTag,
  readsAsEnglish,
  UNDETERMINED,
} from './index.js';

const detector = await loadLanguageDetector();
const languageStage = createLanguageStage(detector);

function analysed(record: Omit<RawRecord, 'uri' | 'mediaType'>, mediaType = 'text/plain'): Doc {
  const doc = cleanRecord({ uri: 'test.txt', mediaType, ...record });
  const messages: Message[] = [];
  const language = languageStage.run(doc, collectMessages(messages, languageStage.name));
  return { ...doc, meta: { ...doc.meta, ...language.meta } };
}

const GERMAN =
  'Der Bundestag hat am Donnerstag nach langer Debatte ein neues Gesetz zur Förderung erneuerbarer Energien ' +
  'beschlossen. Die Opposition kritisierte, dass die Straßenbauprojekte der Länder dabei kaum berücksichtigt würden.';
const ENGLISH =
  'The council approved the new budget on Thursday after a long debate, and the mayor said that the money ' +
  'would go to schools, roads and the city library.';

describe('nlp/language', () => {
  it('detects the language of a paragraph of text', () => {
    expect(analysed({ content: GERMAN }).meta.language).toBe('de');
    expect(analysed({ content: ENGLISH }).meta.language).toBe('en');
    expect(
      analysed({ content: '서울시는 목요일 새로운 예산안을 발표했으며 시장은 학교와 도로에 돈을 쓰겠다고 말했다.' })
        .meta.language,
    ).toBe('ko');
    expect(
      analysed({ content: 'أعلنت الحكومة المصرية يوم الخميس عن ميزانية جديدة للمدارس والطرق في القاهرة.' }).meta
        .language,
    ).toBe('ar');
  });

  it('tells a language by the script only it writes, when menus in Latin letters make the n-grams doubt', () => {
    const menu = 'Home\n\nNews\n\nPC\n\nTop 100\n\nLogin\n\nYouTube\n\nNaver TV\n\n';
    expect(
      detector.detect(`${menu}코로나19 극복을 위한 특별모금이 이어지고 있다. 세종시는 4일 성금 전달식을 개최했다.`),
    ).toBe('ko');
    expect(detector.detect(`${menu}竹内由恵アナ、インスタ投稿は「復帰」フラグ？ テレ朝退職→静岡転居のはずが`)).toBe(
      'ja',
    );
  });

  it('says und, not a guess, when there is too little text', () => {
    for (const content of ['Hi', 'ok thanks', 'Menu', '12:45 — 3/4', '経済・IT']) {
      expect(detector.detect(content)).toBe(UNDETERMINED);
      expect(analysed({ content }).meta.language).toBe(UNDETERMINED);
    }
  });

  it('takes the language a record states over the one its text suggests, as a canonical code', () => {
    expect(analysed({ content: ENGLISH, hints: { language: 'de-AT' } }).meta.language).toBe('de');
    expect(analysed({ content: 'Hi', hints: { language: 'FR_ca' } }).meta.language).toBe('fr');
    // Not a language tag: ignored, the text decides.
    expect(analysed({ content: GERMAN, hints: { language: 'not a tag' } }).meta.language).toBe('de');
  });

  it('prefers the text to a page template that declares another language, and falls back to it for short pages', () => {
    const page = (body: string) =>
      `<html lang="en"><head><title>T</title></head><body><article><p>${body}</p></article></body></html>`;
    expect(analysed({ content: page(GERMAN) }, 'text/html').meta.language).toBe('de');
    expect(analysed({ content: page('Hi') }, 'text/html').meta.language).toBe('en');
  });

  it('normalises stated tags to the primary subtag, or nothing', () => {
    expect(normaliseLanguageTag('deu')).toBe('de');
    expect(normaliseLanguageTag('iw')).toBe('he');
    expect(normaliseLanguageTag('pt-BR')).toBe('pt');
    expect(normaliseLanguageTag('')).toBeUndefined();
    expect(normaliseLanguageTag('x-private')).toBeUndefined();
  });

  it('reads an undetermined text as English only when its letters are mostly Latin', () => {
    const doc = (text: string): Doc => ({
      ...analysed({ content: 'x' }),
      text,
      meta: { ...analysed({ content: 'x' }).meta, language: UNDETERMINED },
    });
    expect(readsAsEnglish(doc('Short note'))).toBe(true);
    expect(readsAsEnglish(doc('짧은 메모'))).toBe(false);
  });
});

describe('stages that read English only', () => {
  const sentences = createSentencesStage();
  const entities = createEntitiesStage();
  const withSentences = (doc: Doc): Doc => ({
    ...doc,
    layers: { ...doc.layers, ...sentences.run(doc, collectMessages([], 'x')) },
  });

  it('skip a German document with an info message instead of tagging it', () => {
    const doc = withSentences(
      analysed({ content: `Bundestag beschließt Gesetz\n\n${GERMAN} Angela Merkel sprach in Berlin.` }),
    );
    const messages: Message[] = [];
    const result = entities.run(doc, collectMessages(messages, entities.name));
    expect(result.entities).toEqual([]);
    expect(result.metaEntities).toEqual([]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      severity: 'info',
      ruleId: 'language-not-read',
      actual: 'de',
      source: 'nlp/entities',
    });
    expect(messages[0]?.text).toContain('German');
  });

  it('still tag an English document', () => {
    const doc = withSentences(
      analysed({ content: `Council passes budget\n\n${ENGLISH} Angela Merkel spoke in Berlin on Friday.` }),
    );
    const messages: Message[] = [];
    const result = entities.run(doc, collectMessages(messages, entities.name));
    expect(result.entities?.map((span) => doc.text.slice(span.start, span.end))).toContain('Angela Merkel');
    expect(messages).toEqual([]);
  });
});
