import { createHash } from 'node:crypto';
import { type Doc, emptyMeta, makeSpan, type Span } from '../model/index.js';
import { seededRandom } from '../nlp/index.js';
import type { DocLink } from '../store/index.js';

/**
 * Synthetic articles over a Zipf-like vocabulary, for search at a scale no real corpus here has: the
 * commonest word is in nearly every document and the rarest in a handful, as in news text. Words are
 * made of syllables (`bako`, `tesumi`) so they are real index words in every language setting;
 * names are capitalised words outside the vocabulary. Article `i` is the same on every run.
 */

const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';
const SYLLABLES = [...CONSONANTS].flatMap((c) => [...VOWELS].map((v) => c + v));
export const OUTLETS = ['BBC News', 'Harbour Post', 'Coast Daily', 'Tide Gazette', 'Metro Wire', 'Evening Ledger'];
export const SECTIONS = ['politics', 'business', 'sport', 'tech', 'entertainment'];
/** One article in this many starts a near-duplicate group with the next one (groups of two, as linking would make). */
const GROUP_EVERY = 20;
const by = { stage: 'bench/synthetic', version: 1 };

/** The word of a rank: its number written in syllables, at least two of them, so every word is distinct. */
function wordOf(rank: number): string {
  let rest = rank + SYLLABLES.length;
  let word = '';
  while (rest > 0) {
    word = (SYLLABLES[rest % SYLLABLES.length] as string) + word;
    rest = Math.floor(rest / SYLLABLES.length);
  }
  return word;
}

/** Ranks drawn with probability proportional to 1/rank (Zipf, s = 1). */
class ZipfSampler {
  private readonly cumulative: Float64Array;

  constructor(size: number) {
    this.cumulative = new Float64Array(size);
    let sum = 0;
    for (let rank = 0; rank < size; rank++) {
      sum += 1 / (rank + 1);
      this.cumulative[rank] = sum;
    }
    for (let rank = 0; rank < size; rank++) this.cumulative[rank] = (this.cumulative[rank] as number) / sum;
  }

  draw(random: () => number): number {
    const target = random();
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.cumulative[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

export interface SyntheticArticle {
  index: number;
  id: string;
  externalId: string;
  headline: string;
  text: string;
  outlet: string;
  section: string;
  published: string;
  entities: { start: number; end: number; name: string }[];
  quotes: { start: number; end: number; speaker: string }[];
  /** The near-duplicate group it belongs to, if any. */
  group?: string;
}

export class ZipfCorpus {
  readonly vocabulary: string[];
  readonly names: string[];
  private readonly words: ZipfSampler;
  private readonly people: ZipfSampler;

  constructor(vocabularySize = 30_000, nameCount = 400) {
    this.vocabulary = Array.from({ length: vocabularySize }, (_, rank) => wordOf(rank));
    // Names: two capitalised words past the vocabulary, so a name's words are never common words.
    this.names = Array.from({ length: nameCount }, (_, k) => {
      const first = wordOf(vocabularySize + 2 * k);
      const last = wordOf(vocabularySize + 2 * k + 1);
      return `${capitalised(first)} ${capitalised(last)}`;
    });
    this.words = new ZipfSampler(vocabularySize);
    this.people = new ZipfSampler(nameCount);
  }

  /** The word at a rank of the vocabulary (0 is the commonest). */
  word(rank: number): string {
    return this.vocabulary[rank] as string;
  }

  article(index: number, wordsPerSentence = 10): SyntheticArticle {
    const random = seededRandom(index * 7919 + 17);
    const sentence = (length: number) =>
      Array.from({ length }, () => this.vocabulary[this.words.draw(random)] as string).join(' ');
    const headline = capitalised(sentence(6));
    const entities: SyntheticArticle['entities'] = [];
    const quotes: SyntheticArticle['quotes'] = [];
    let text = '';
    for (let paragraph = 0; paragraph < 3; paragraph++) {
      if (paragraph > 0) text += '\n\n';
      for (let line = 0; line < 2; line++) {
        if (line > 0) text += ' ';
        // Six in ten sentences open with a name, so the entity facet and filter have work.
        if (random() < 0.6) {
          const name = this.names[this.people.draw(random)] as string;
          entities.push({ start: text.length, end: text.length + name.length, name });
          text += `${name} ${sentence(wordsPerSentence - 2)}.`;
        } else text += `${capitalised(sentence(wordsPerSentence))}.`;
      }
    }
    // Three in ten articles quote someone.
    if (random() < 0.3) {
      const speaker = this.names[this.people.draw(random)] as string;
      const said = capitalised(sentence(wordsPerSentence));
      const start = text.length + 3;
      text += `\n\n"${said}," said ${speaker}.`;
      quotes.push({ start, end: start + said.length, speaker });
      entities.push({ start: text.length - speaker.length - 1, end: text.length - 1, name: speaker });
    }
    const year = 2004 + Math.floor(random() * 21);
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const head = index - (index % GROUP_EVERY);
    return {
      index,
      id: createHash('sha256').update(`zipf:${index}`).digest('hex'),
      externalId: `zipf-${index}`,
      headline,
      text,
      outlet: OUTLETS[index % OUTLETS.length] as string,
      section: SECTIONS[Math.floor(random() * SECTIONS.length)] as string,
      published: `${year}-${month}-${day}`,
      entities,
      quotes,
      ...(index - head < 2 ? { group: `g${head}` } : {}),
    };
  }
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The article as a document with its entities and quotes layers, for `Store.putDocuments`. */
export function articleDoc(article: SyntheticArticle): Doc {
  const entities: Span[] = article.entities.map((entity) =>
    makeSpan('entities', entity.start, entity.end, 'PERSON', by, { entity: entity.name }),
  );
  const quotes: Span[] = article.quotes.map((quote) =>
    makeSpan('quotes', quote.start, quote.end, 'direct', by, { speakerName: quote.speaker, speaker: null }),
  );
  return {
    id: article.id,
    externalId: article.externalId,
    source: { uri: `bench://zipf/${article.index}`, mediaType: 'text/plain' },
    raw: `${article.headline}\n\n${article.text}`,
    text: article.text,
    origin: { segments: [] },
    meta: {
      ...emptyMeta(),
      headline: article.headline,
      outlet: article.outlet,
      sections: [article.section],
      published: { value: article.published, estimated: false },
      language: 'en',
    },
    layers: { entities, quotes },
    messages: [],
  };
}

/** The near-duplicate groups of articles, as linking would store them. */
export function articleLinks(article: SyntheticArticle): DocLink {
  return article.group ? { id: article.id, duplicateGroup: article.group, duplicateKind: 'near' } : { id: article.id };
}
