/**
 * Extra training sentences for news beyond Reuters 1996: copies of CoNLL sentences whose person,
 * organisation and place names are replaced by synthetic Arabic-style names (`Hamid al-Tamimi`,
 * `Abu Karim al-Rawi`, `Jaish al-Hilli`, `Tell al-Rawi`), so particle and kunya patterns have
 * weights and `al-` alone does not decide the type. Seeded, so training stays
 * reproducible; the name parts come from data/entities (given-names.txt, augment-surnames.txt).
 */
import type { ConllDocument, ConllSentence } from './conll.js';
import { entitiesFromIob } from './conll.js';

export interface AugmentOptions {
  givenNames: readonly string[];
  surnames: readonly string[];
  /** First words of organisation and place names (`Jaish`, `Ain`): `al-` is not only in person names. */
  orgHeads: readonly string[];
  placeHeads: readonly string[];
  /** Share of sentences with a person name that get one synthetic copy. */
  rate: number;
  random: () => number;
}

export function augmentWithArabicNames(docs: readonly ConllDocument[], options: AugmentOptions): ConllDocument[] {
  const { givenNames, surnames, random } = options;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const particle = () => pick(['al-', 'al-', 'al-', 'Al-', 'el-']);
  const makeName = (): string[] => {
    const roll = random();
    const surname = `${particle()}${pick(surnames)}`;
    if (roll < 0.55) return [pick(givenNames), surname];
    if (roll < 0.75) return [pick(givenNames), pick(givenNames), surname];
    if (roll < 0.85) return ['Abu', pick(givenNames), surname];
    if (roll < 0.93) return [surname];
    return [pick(givenNames), surname.slice(surname.indexOf('-') + 1)];
  };
  const makeOrgName = () => {
    const name = [pick(options.orgHeads)];
    if (random() < 0.4) name.push(pick(givenNames));
    name.push(`${particle()}${pick(surnames)}`);
    return name;
  };
  const makePlaceName = () =>
    random() < 0.7 ? [pick(options.placeHeads), `${particle()}${pick(surnames)}`] : [`${particle()}${pick(surnames)}`];
  const makers: Record<string, () => string[]> = { PER: makeName, ORG: makeOrgName, LOC: makePlaceName };
  return docs.map((doc) => {
    const extra: ConllSentence[] = [];
    for (const sentence of doc.sentences) {
      const people = entitiesFromIob(sentence.tags).filter((entity) => entity.label in makers);
      if (people.length === 0 || random() >= options.rate) continue;
      const words: string[] = [];
      const tags: string[] = [];
      let at = 0;
      for (const person of people) {
        words.push(...sentence.words.slice(at, person.start));
        tags.push(...sentence.tags.slice(at, person.start));
        const name = (makers[person.label] as () => string[])();
        words.push(...name);
        tags.push(...name.map((_, i) => `${i === 0 ? 'B' : 'I'}-${person.label}`));
        at = person.end;
      }
      words.push(...sentence.words.slice(at));
      tags.push(...sentence.tags.slice(at));
      extra.push({ words, tags });
    }
    return { sentences: [...doc.sentences, ...extra] };
  });
}
