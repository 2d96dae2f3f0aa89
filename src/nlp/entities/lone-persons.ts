/**
 * News names a person in full before it shortens the name (`Ivan Gorokhovsky` … `Gorokhovsky`), so
 * a lone word tagged PER that is no word of any longer person's name in the document, and that the
 * model preferred to its next reading only narrowly over its mentions, is more often a club or a
 * company written like a surname (`Rotor`, `Deportivo`, `UWP-Hachette`) than a person. It takes
 * the model's next reading instead.
 */
import type { TokenEntity } from './conll.js';
import { normaliseWord } from './features.js';
import { LABELS } from './tags.js';

/**
 * Below this mean margin (the person reading's score over the next one, per mention) a lone name is
 * read as its next type. Chosen on CoNLL dev-a: lone PER names of the documents by mean margin,
 * 12 more right than wrong at 15 and 13 at 20; at 25 and above more persons go than clubs come.
 */
export const LONE_PERSON_MARGIN = 20;

/** A headline's `ROTOR` is the text's `Rotor`. */
const keyOf = (word: string) => normaliseWord(word).toLowerCase();

/**
 * `titled(words, at)`: whether a title or form of address stands right before the word at `at`
 * (`General Soleimani`, `Mr Jones`), which makes the lone name a person's whatever the margin.
 */
export function retypeLonePersons(
  sentences: readonly (readonly string[])[],
  entities: readonly TokenEntity[][],
  typeScores: readonly (readonly (readonly number[])[])[],
  titled: (words: readonly string[], at: number) => boolean,
  margin = LONE_PERSON_MARGIN,
): TokenEntity[][] {
  const inFullNames = new Set<string>();
  const sums = new Map<string, { scores: number[]; mentions: number }>();
  sentences.forEach((words, s) => {
    for (const entity of entities[s] as TokenEntity[]) {
      if (entity.label !== 'PER' || entity.end - entity.start < 2) continue;
      for (const word of words.slice(entity.start, entity.end)) inFullNames.add(keyOf(word));
    }
  });
  sentences.forEach((words, s) => {
    (entities[s] as TokenEntity[]).forEach((entity, e) => {
      const scores = typeScores[s]?.[e];
      if (entity.label !== 'PER' || entity.end - entity.start !== 1 || !scores) return;
      const word = keyOf(words[entity.start] as string);
      if (inFullNames.has(word)) return;
      if (titled(words, entity.start)) {
        inFullNames.add(word);
        return;
      }
      const sum = sums.get(word) ?? { scores: LABELS.map(() => 0), mentions: 0 };
      scores.forEach((score, k) => {
        sum.scores[k] = (sum.scores[k] as number) + score;
      });
      sum.mentions++;
      sums.set(word, sum);
    });
  });
  const retyped = new Map<string, string>();
  for (const [word, { scores, mentions }] of sums) {
    if (inFullNames.has(word)) continue;
    const person = LABELS.indexOf('PER');
    const next = scores.reduce(
      (best, score, k) => (k !== person && score > (scores[best] as number) ? k : best),
      person === 0 ? 1 : 0,
    );
    const lead = ((scores[person] as number) - (scores[next] as number)) / mentions;
    if (lead < margin) retyped.set(word, LABELS[next] as string);
  }
  if (retyped.size === 0) return entities.map((list) => [...list]);
  return entities.map((list, s) =>
    list.map((entity) => {
      if (entity.label !== 'PER' || entity.end - entity.start !== 1) return entity;
      const label = retyped.get(keyOf((sentences[s] as string[])[entity.start] as string));
      return label ? { ...entity, label } : entity;
    }),
  );
}
