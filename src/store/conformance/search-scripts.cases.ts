import { afterEach, describe, expect, it } from 'vitest';
import type { Doc } from '../../model/index.js';
import { makeTestDoc } from '../../server/test-corpus.js';
import type { Store } from '../store.js';
import type { StoreBackend } from './backends.js';

export const id = (n: number) => n.toString(16).padStart(64, '0');

function inLanguage(doc: Doc, language: string): Doc {
  return { ...doc, meta: { ...doc.meta, language } };
}

export const ARTICLES: Doc[] = [
  inLanguage(
    makeTestDoc(
      id(1),
      'Das Bundesverfassungsgericht entschied am Dienstag, dass die Straße vor dem Rathaus in München gesperrt bleibt. Die Bürger ärgerten sich über die Entscheidung.',
      { headline: 'Straße in München bleibt gesperrt' },
    ),
    'de',
  ),
  inLanguage(
    makeTestDoc(
      id(2),
      'أعلنت الحُكومةُ المِصرية يوم الخميس عن مِيزانيّة جديدة للمدارس، وقال الوزير مُحَمَّد إنّ الأموال ستذهب إلى إصلاح الطرق.',
      { headline: 'الحكومة تعلن ميزانية جديدة' },
    ),
    'ar',
  ),
  inLanguage(
    makeTestDoc(
      id(3),
      '서울시는 목요일 새로운 예산안을 발표했다. 시장은 서울에서 학교와 도로에 돈을 쓰겠다고 말했으며 대통령이 이를 환영했다.',
      { headline: '서울시 새 예산안 발표' },
    ),
    'ko',
  ),
  inLanguage(
    makeTestDoc(id(4), '东京都知事周四宣布了新的预算，将用于学校和道路。', { headline: '东京公布新预算' }),
    'zh',
  ),
  inLanguage(
    makeTestDoc(id(5), 'The council in Munich approved the budget for the street repairs on Thursday.', {
      headline: 'Munich street budget approved',
    }),
    'en',
  ),
];

export const found = async (store: Store, text: string) =>
  (await store.search({ text, collapse: false })).hits.map((hit) => Number.parseInt(hit.id, 16)).sort();

export function searchScriptCases(backend: StoreBackend): void {
  afterEach(() => backend.cleanup());
  describe(`${backend.name}: search in every script, through the real store`, () => {
    it('finds German words with umlauts and ß however they are typed, and compounds as whole words', async () => {
      const store = await backend.open('a');
      await store.putDocuments(ARTICLES.map((doc) => ({ doc })));
      expect(await found(store, 'München')).toEqual([1]);
      expect(await found(store, 'munchen')).toEqual([1]);
      expect(await found(store, 'Straße')).toEqual([1]);
      expect(await found(store, 'strasse')).toEqual([1]);
      expect(await found(store, 'STRASSE')).toEqual([1]);
      expect(await found(store, 'Bundesverfassungsgericht')).toEqual([1]);
      expect(await found(store, 'bürger ärgerten')).toEqual([1]);
      expect(await found(store, '"die Straße vor dem Rathaus"')).toEqual([1]);
      // Whole words only: a compound is not found by its parts.
      expect(await found(store, 'Gericht')).toEqual([]);
      const hit = (await store.search({ text: 'strasse' })).hits[0];
      expect(hit?.snippet.filter((piece) => piece.hit).map((piece) => piece.text)).toContain('Straße');
      await store.close();
    });

    it('finds Arabic words with or without vowel signs and hamza', async () => {
      const store = await backend.open('a');
      await store.putDocuments(ARTICLES.map((doc) => ({ doc })));
      expect(await found(store, 'الحكومة')).toEqual([2]);
      expect(await found(store, 'الحُكومةُ')).toEqual([2]);
      expect(await found(store, 'محمد')).toEqual([2]);
      expect(await found(store, 'ميزانية')).toEqual([2]);
      expect(await found(store, 'ان الاموال')).toEqual([2]);
      expect(await found(store, 'مدرسة')).toEqual([]);
      const hit = (await store.search({ text: 'محمد' })).hits[0];
      expect(hit?.snippet.filter((piece) => piece.hit).map((piece) => piece.text)).toEqual(['مُحَمَّد']);
      await store.close();
    });

    it('finds Korean words inside phrases with particles, and Chinese words in unspaced text', async () => {
      const store = await backend.open('a');
      await store.putDocuments(ARTICLES.map((doc) => ({ doc })));
      expect(await found(store, '서울')).toEqual([3]);
      expect(await found(store, '대통령')).toEqual([3]);
      expect(await found(store, '서울에서')).toEqual([3]);
      expect(await found(store, '예산안 OR 东京')).toEqual([3, 4]);
      expect(await found(store, '预算')).toEqual([4]);
      expect(await found(store, '大阪')).toEqual([]);
      expect(await found(store, '부산')).toEqual([]);
      // FTS5 marks words of the text column only: a cut around the first pair-matched word marks it.
      const hit = (await store.search({ text: '대통령' })).hits[0];
      expect(hit?.snippet.filter((piece) => piece.hit).map((piece) => piece.text)).toEqual(['대통령']);
      expect(hit?.snippet.map((piece) => piece.text).join('')).toContain('대통령이 이를 환영했다');
      await store.close();
    });

    it('facets and filters on the language', async () => {
      const store = await backend.open('a');
      await store.putDocuments(ARTICLES.map((doc) => ({ doc })));
      const page = await store.search({ text: 'Munich OR München' });
      expect(page.facets.languages).toEqual([
        { value: 'de', count: 1 },
        { value: 'en', count: 1 },
      ]);
      expect(
        (await store.search({ text: 'Munich OR München', language: 'de' })).hits.map((hit) => hit.headline),
      ).toEqual(['Straße in München bleibt gesperrt']);
      expect((await store.search({ text: 'Munich OR München', language: 'fr' })).total).toBe(0);
      await store.close();
    });
  });
}
