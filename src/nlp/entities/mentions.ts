/**
 * Entity mentions of a document as character spans: the tagger's names over CoNLL-style tokens of
 * each sentence, made consistent across the document, with titles moved from a person's name into
 * its role (`Lt. General Qassem Soleimani` → `Qassem Soleimani`, role `Lt. General`).
 */
import type { EntityType } from '../../model/index.js';
import type { TokenEntity } from './conll.js';
import { harmoniseDocument } from './consistency.js';
import { gazetteerKey } from './gazetteer.js';
import { type EntityModel, tagDocument } from './model.js';
import { countLeadingTitleWords, type NameTables } from './name-lists.js';
import { readAppositiveRole } from './roles.js';
import { type Token, tokenize } from './tokenize.js';

export interface Mention {
  start: number;
  end: number;
  type: EntityType;
  /** Title before the name or appositive after it. */
  roles: string[];
  /** How the mention was found: `model`, `title-stripped`, `acronym`, `alias-of`, `surname`. */
  rule: string;
  canonical?: string;
}

const TYPES: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };

export interface Range {
  start: number;
  end: number;
}

export function findMentions(
  text: string,
  sentences: readonly Range[],
  model: EntityModel,
  tables: NameTables,
): Mention[] {
  const tokens = sentences.map((sentence) => tokenize(text, sentence.start, sentence.end));
  const words = tokens.map((list) => list.map((token) => token.text));
  const tagged = harmoniseDocument(words, tagDocument(model, words), { vote: false, propagate: true });
  const mentions: Mention[] = [];
  tagged.forEach((entities, s) => {
    const sentenceTokens = tokens[s] as Token[];
    const sentenceWords = words[s] as string[];
    const titleRanges: Range[] = [];
    const own: Mention[] = [];
    for (const tagged of entities) {
      const entity = adjustBoundaries(sentenceWords, tagged);
      if (entity.end <= entity.start) continue;
      // `the Biden administration`: a one-word name before `administration` is the president it is named after.
      if (entity.end - entity.start === 1 && /^administrations?$/.test(sentenceWords[entity.end] ?? '')) {
        entity.label = 'PER';
      }
      // `Muhannad al-Uqabi said`: a listed given name and a speech verb outweigh a tagger's ORG or LOC.
      if (
        entity.label !== 'PER' &&
        entity.end - entity.start >= 2 &&
        SPEECH_VERBS.has(sentenceWords[entity.end] ?? '') &&
        model.listed.entries.get(gazetteerKey([sentenceWords[entity.start] as string]))?.includes('FIRST')
      ) {
        entity.label = 'PER';
      }
      const mention = toMention(text, sentenceTokens, sentenceWords, entity, tables, titleRanges);
      const sentence = sentences[s] as Range;
      if (mention.type === 'PERSON') {
        const role = readAppositiveRole(text, mention.end, sentence.end);
        if (role) mention.roles.push(role);
      }
      own.push(mention);
    }
    // A name inside a title phrase (`State` in `Assistant Secretary of State Joey Hood`) is part of the role.
    mentions.push(
      ...own.filter(
        (mention) =>
          mention.type === 'PERSON' ||
          !titleRanges.some((range) => mention.start >= range.start && mention.end <= range.end),
      ),
    );
  });
  return mentions;
}

function toMention(
  text: string,
  tokens: readonly Token[],
  words: readonly string[],
  entity: TokenEntity,
  tables: NameTables,
  titleRanges: Range[],
): Mention {
  const type = TYPES[entity.label] ?? 'MISC';
  let first = entity.start;
  const roles: string[] = [];
  let rule = 'model';
  if (type === 'PERSON') {
    const inside = countLeadingTitleWords(tables, words.slice(entity.start, entity.end));
    const before = countTitleWordsBefore(tables, words, entity.start);
    const titleStart = entity.start - before;
    first = entity.start + inside;
    if (first > titleStart) {
      const range = { start: (tokens[titleStart] as Token).start, end: (tokens[first - 1] as Token).end };
      roles.push(text.slice(range.start, range.end));
      titleRanges.push(range);
      if (inside > 0) rule = 'title-stripped';
    }
  }
  return { start: (tokens[first] as Token).start, end: (tokens[entity.end - 1] as Token).end, type, roles, rule };
}

/** Title words right before a name and outside it (`Acting Assistant Secretary of State` `Joey Hood`). */
function countTitleWordsBefore(tables: NameTables, words: readonly string[], start: number): number {
  for (let k = Math.min(start, 2 * tables.titleMaxTokens); k >= 1; k--) {
    if (countLeadingTitleWords(tables, words.slice(start - k, start + 1)) === k) return k;
  }
  return 0;
}

const SPEECH_VERBS = new Set(['said', 'says', 'told', 'added', 'stated', 'explained', 'warned', 'stressed']);
const PARTICLE_WORD = /^(?:al|el|as|ash|ad|at|az|ul)-[\p{Lu}]/u;
const LINKING_WORD = new Set(['bin', 'ibn', 'bint', 'bin.']);
const KUNYA = new Set(['Abu', 'Umm', 'Ibn', 'Bin']);
const HYPHEN_ADJECTIVE =
  /^[\p{Lu}][\p{L}.]*-(?:run|led|backed|based|owned|made|style|born|allied|funded|brokered|sponsored)$/u;
const POSSESSIVE = /^['\u2019]s$/;

/**
 * Boundary repairs for news the tagger was not trained on: Arabic names continue over particles
 * (`Abu Mahdi` + `al-Muhandis`) and start at a kunya (`Abu`); a hyphenated adjective (`US-run`) is
 * not part of the name after it; `Quds Force of Iran` before `’s` ends before `of`.
 */
export function adjustBoundaries(words: readonly string[], entity: TokenEntity): TokenEntity {
  let { start, end } = entity;
  if (entity.label !== 'MISC') {
    for (;;) {
      const next = words[end] ?? '';
      if (PARTICLE_WORD.test(next)) end++;
      else if (LINKING_WORD.has(next.toLowerCase()) && /^\p{Lu}/u.test(words[end + 1] ?? '')) end += 2;
      else break;
    }
    if (start > 0 && KUNYA.has(words[start - 1] as string)) start--;
  }
  if (end - start > 1 && HYPHEN_ADJECTIVE.test(words[start] as string)) start++;
  if (POSSESSIVE.test(words[end] ?? '') && end - start > 2) {
    const of = words.lastIndexOf('of', end - 1);
    if (of > start) end = of;
  }
  return { start, end, label: entity.label };
}
