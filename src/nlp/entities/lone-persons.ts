/**
 * Names the tagger read as persons that the document's own writing says are not: a lone word no
 * person's full name explains, and a name after `the`. Each takes the model's next reading.
 *
 * News names a person in full before it shortens the name (`Ivan Gorokhovsky` … `Gorokhovsky`), so
 * a lone word tagged PER that is no word of any longer person's name in the document, and that the
 * model preferred to its next reading only narrowly over its mentions, is more often a club or a
 * company written like a surname (`Rotor`, `Deportivo`, `UWP-Hachette`) than a person.
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

/** Both readings below, the article first: what the tagger found, as the document's writing types it. */
export function retypeUnlikelyPersons(
  sentences: readonly (readonly string[])[],
  tagged: { entities: readonly TokenEntity[][]; typeScores: readonly (readonly (readonly number[])[])[] },
  titled: (words: readonly string[], at: number) => boolean,
): TokenEntity[][] {
  const articled = retypeArticlePersons(sentences, tagged.entities, tagged.typeScores);
  return retypeLonePersons(sentences, articled, tagged.typeScores, titled);
}

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
    const next = nextBest(scores, person);
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

/** Closed-class words that follow a noun phrase rather than continue it (`the Oscar for`, `the Oscar was`). */
const PHRASE_ENDS_BEFORE = new Set(
  'for of in on at to from with by and or but as than is was are were has had have will would said says who which that'.split(
    ' ',
  ),
);

/**
 * A name after `the` that ends its phrase (`the Oscar for …`, `the Alex Theater,`) is no person's:
 * English writes a person's name without the article, which comes only before a name used as a
 * modifier (`the Dole campaign`). Such a PER takes the model's next reading.
 */
export function retypeArticlePersons(
  sentences: readonly (readonly string[])[],
  entities: readonly TokenEntity[][],
  typeScores: readonly (readonly (readonly number[])[])[],
): TokenEntity[][] {
  return entities.map((list, s) =>
    list.map((entity, e) => {
      const words = sentences[s] as readonly string[];
      const scores = typeScores[s]?.[e];
      if (entity.label !== 'PER' || !scores || !/^the$/i.test(words[entity.start - 1] ?? '')) return entity;
      const after = words[entity.end] ?? '';
      if (/^\p{Ll}/u.test(after) && !PHRASE_ENDS_BEFORE.has(after)) return entity;
      return { ...entity, label: LABELS[nextBest(scores, LABELS.indexOf('PER'))] as string };
    }),
  );
}

/** The best-scored type other than `excluded`. */
function nextBest(scores: readonly number[], excluded: number): number {
  return scores.reduce(
    (best, score, k) => (k !== excluded && score > (scores[best] as number) ? k : best),
    excluded === 0 ? 1 : 0,
  );
}
