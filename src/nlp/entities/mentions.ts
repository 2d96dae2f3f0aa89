/**
 * Entity mentions of a document as character spans: the tagger's names over CoNLL-style tokens of
 * each sentence, made consistent across the document, with titles moved from a person's name into
 * its role (`Lt. General Qassem Soleimani` → `Qassem Soleimani`, role `Lt. General`), and facility
 * names completed by the facility word the tagger left out (`Ain al-Assad` + `airbase`).
 */
import type { EntityType } from '../../model/index.js';
import type { TokenEntity } from './conll.js';
import { harmoniseDocument } from './consistency.js';
import { collectDocumentStats, mergeDocumentStats } from './document-features.js';
import { gazetteerKey } from './gazetteer.js';
import { retypeUnlikelyPersons } from './lone-persons.js';
import { type EntityModel, tagDocumentScored } from './model.js';
import { countLeadingTitleWords, type NameTables, splitTitleWords } from './name-lists.js';
import { readAppositiveRole } from './roles.js';
import { type Token, tokenize } from './tokenize.js';

export interface Mention {
  start: number;
  end: number;
  type: EntityType;
  /** Title before the name or appositive after it. */
  roles: string[];
  /** Forms of address before the name (`Mr`, `Dr`, `Sheikh`): titles, not roles. */
  honorifics?: string[];
  /** How the mention was found: `model`, `title-stripped`, `acronym`, `alias-of`, `surname`. */
  rule: string;
  canonical?: string;
}

const TYPES: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };

export interface Range {
  start: number;
  end: number;
}

/** A text and its sentences: the document's clean text, or a passage outside it (headline, caption). */
export interface Passage {
  text: string;
  sentences: readonly Range[];
}

export function findMentions(
  text: string,
  sentences: readonly Range[],
  model: EntityModel,
  tables: NameTables,
): Mention[] {
  return findMentionsBeside({ text, sentences }, [], model, tables).main;
}

/**
 * The main text's mentions, exactly as `findMentions` finds them, and the mentions of passages
 * outside it (headline, captions), each with offsets into its own passage. The passages are tagged
 * in the light of the main text (its document features, the names recognised in it), never the
 * other way round, so adding a caption changes nothing in the text's entities.
 */
export function findMentionsBeside(
  main: Passage,
  others: readonly Passage[],
  model: EntityModel,
  tables: NameTables,
): { main: Mention[]; others: Mention[][] } {
  const tokensOf = (passage: Passage) =>
    passage.sentences.map((sentence) => tokenize(passage.text, sentence.start, sentence.end));
  const textOf = (tokens: readonly Token[][]) => tokens.map((list) => list.map((token) => token.text));
  const mainTokens = tokensOf(main);
  const mainWords = textOf(mainTokens);
  const mainStats = collectDocumentStats(mainWords);
  const mainScored = tagDocumentScored(model, mainWords, mainStats);
  const titled = titledBefore(tables);
  const mainTagged = retypeUnlikelyPersons(mainWords, mainScored, titled);
  const mainEntities = harmoniseDocument(mainWords, mainTagged, { vote: false, propagate: true });
  const mentionsOf = (
    passage: Passage,
    tokens: readonly Token[][],
    words: readonly string[][],
    entities: readonly TokenEntity[][],
    owners: ReadonlySet<string>,
  ) =>
    entities.flatMap((sentenceEntities, s) =>
      sentenceMentions(
        passage.text,
        passage.sentences[s] as Range,
        tokens[s] as Token[],
        words[s] as string[],
        sentenceEntities,
        model,
        tables,
        owners,
      ),
    );
  const mainOwners = ownerNames(mainWords, mainEntities, tables);
  const result = {
    main: mentionsOf(main, mainTokens, mainWords, mainEntities, mainOwners),
    others: [] as Mention[][],
  };
  if (others.length === 0) return result;
  const otherTokens = others.map(tokensOf);
  const otherWords = otherTokens.map(textOf);
  const stats = mergeDocumentStats(mainStats, collectDocumentStats(otherWords.flat()));
  const otherScored = tagDocumentScored(model, otherWords.flat(), stats);
  // The text's mentions count as evidence for the passages' lone names, never the other way round.
  const otherTagged = retypeUnlikelyPersons(
    [...mainWords, ...otherWords.flat()],
    {
      entities: [...mainScored.entities, ...otherScored.entities],
      typeScores: [...mainScored.typeScores, ...otherScored.typeScores],
    },
    titled,
  ).slice(mainWords.length);
  const harmonised = harmoniseDocument(
    [...mainWords, ...otherWords.flat()],
    [...mainTagged, ...otherTagged],
    { vote: false, propagate: true },
    mainWords.length,
  );
  let at = 0;
  others.forEach((passage, p) => {
    const words = otherWords[p] as string[][];
    const entities = harmonised.slice(at, at + words.length);
    at += words.length;
    // Owners count over the text too: `the Hezbollah base` in a caption of a text about Hezbollah.
    const owners = new Set([...mainOwners, ...ownerNames(words, entities, tables)]);
    result.others.push(mentionsOf(passage, otherTokens[p] as Token[][], words, entities, owners));
  });
  return result;
}

function sentenceMentions(
  text: string,
  sentence: Range,
  sentenceTokens: readonly Token[],
  sentenceWords: readonly string[],
  entities: readonly TokenEntity[],
  model: EntityModel,
  tables: NameTables,
  owners: ReadonlySet<string>,
): Mention[] {
  const titleRanges: Range[] = [];
  const own: Mention[] = [];
  // A name extended over the next word (`Akram` over `al-Kaabi`) covers what the tagger gave apart.
  let coveredUntil = 0;
  /** The token range each mention in `own` came from. */
  const ownRanges: Range[] = [];
  for (const tagged of entities) {
    if (tagged.start < coveredUntil) continue;
    const entity = extendToFacility(
      sentenceWords,
      dropMemberTitle(sentenceWords, adjustBoundaries(sentenceWords, tagged, entities), tables),
      model,
      tables,
      owners,
    );
    if (entity.end <= entity.start) continue;
    // A name taken back over a bracket (`James Leander (Leo) Nichols`) replaces the names it now holds.
    const held = ownRanges.findIndex((range) => range.start >= entity.start);
    if (entity.start < coveredUntil && (held < 0 || (ownRanges[held] as Range).start !== entity.start)) continue;
    if (held >= 0) {
      own.splice(held);
      ownRanges.splice(held);
    }
    coveredUntil = entity.end;
    ownRanges.push({ start: entity.start, end: entity.end });
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
    if (mention.type === 'PERSON') {
      const role = readAppositiveRole(text, mention.end, sentence.end);
      if (role) mention.roles.push(role);
    }
    own.push(mention);
  }
  // A name inside a title phrase (`State` in `Assistant Secretary of State Joey Hood`) is part of the role.
  return own.filter(
    (mention) =>
      mention.type === 'PERSON' ||
      !titleRanges.some((range) => mention.start >= range.start && mention.end <= range.end),
  );
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
  let roles: string[] = [];
  let honorifics: string[] = [];
  let rule = 'model';
  if (type === 'PERSON') {
    const inside = countLeadingTitleWords(tables, words.slice(entity.start, entity.end));
    const before = countTitleWordsBefore(tables, words, entity.start);
    const titleStart = entity.start - before;
    first = entity.start + inside;
    if (first > titleStart) {
      const range = { start: (tokens[titleStart] as Token).start, end: (tokens[first - 1] as Token).end };
      ({ roles, honorifics } = splitTitleWords(tables, text, tokens.slice(titleStart, first)));
      titleRanges.push(range);
      if (inside > 0) rule = 'title-stripped';
    }
  }
  const mention: Mention = {
    start: (tokens[first] as Token).start,
    end: (tokens[entity.end - 1] as Token).end,
    type,
    roles,
    rule,
  };
  if (honorifics.length > 0) mention.honorifics = honorifics;
  return mention;
}

/** Whether title words stand right before the word at `at` (`General` `Soleimani`). */
export function titledBefore(tables: NameTables): (words: readonly string[], at: number) => boolean {
  return (words, at) => countTitleWordsBefore(tables, words, at) > 0;
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
 * not part of the name after it; `Quds Force of Iran` before `’s IRGC` ends before `of`.
 */
export function adjustBoundaries(
  words: readonly string[],
  entity: TokenEntity,
  sentenceEntities: readonly TokenEntity[] = [],
): TokenEntity {
  let { start, end } = balanceBrackets(words, entity, sentenceEntities);
  if (end <= start) return { start, end, label: entity.label };
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
  // `X of Y's Z` with a name for Z reads `X of (Y's Z)`: the name ends before `of`. Before a common
  // word the possessive is the whole name's (`the Bank of Japan's quarterly survey`), and a capital
  // alone does not make a name (`the University of Michigan's August index`): Z is one the tagger found.
  const nameAfter = sentenceEntities.some((other) => other.start === end + 1);
  if (POSSESSIVE.test(words[end] ?? '') && end - start > 2 && nameAfter) {
    const of = words.lastIndexOf('of', end - 1);
    if (of > start) end = of;
  }
  return { start, end, label: entity.label };
}

const OPENING = new Set(['(', '[']);
const CLOSING = new Set([')', ']']);

/**
 * A name never holds half a bracket pair. A stray closing bracket whose opening one stands right
 * before the name takes the name back over it, and over a name of the same kind right before that
 * (`Nikko Securities Co` + `(` + `Europe) Ltd`, `James Leander` + `(` + `Leo) Nichols`); other stray
 * brackets cut the name, keeping the words after a closing one and those before an opening one
 * (after it when none come before: `(Freedom Federal`, `Bank (of England`). What is left may be
 * empty: then there is no name.
 */
export function balanceBrackets(
  words: readonly string[],
  entity: TokenEntity,
  sentenceEntities: readonly TokenEntity[] = [],
): { start: number; end: number } {
  let { start, end } = entity;
  for (let guard = 0; guard < 8; guard++) {
    const open: number[] = [];
    let stray = -1;
    for (let i = start; i < end && stray < 0; i++) {
      const word = words[i] as string;
      if (OPENING.has(word)) open.push(i);
      else if (CLOSING.has(word) && open.pop() === undefined) stray = i;
    }
    if (stray >= 0 && start > 0 && OPENING.has(words[start - 1] as string)) {
      start--;
      const joined = sentenceEntities.find((other) => other.end === start && other.label === entity.label);
      if (joined) start = joined.start;
    } else if (stray >= 0) start = stray + 1;
    else if (open.length > 0) {
      const first = open[0] as number;
      if (first > start) end = first;
      else start = first + 1;
    } else break;
  }
  return { start, end };
}

/** `a Plaid Cymru MP`: the member's title after a party's name is not part of the party's name. */
export function dropMemberTitle(
  words: readonly string[],
  entity: TokenEntity,
  tables: Pick<NameTables, 'memberTitles'>,
): TokenEntity {
  if (entity.label === 'PER' || entity.end - entity.start < 2) return entity;
  return tables.memberTitles.has(words[entity.end - 1] as string) ? { ...entity, end: entity.end - 1 } : entity;
}

const INDEFINITE = new Set(['a', 'an', 'another', 'one']);
/** Facility words an organisation has too (`the Just Add Monsters base`, `Alter Television station`). */
const HELD_BY_ORGANISATIONS = new Set(['base', 'station', 'camp', 'port']);

/**
 * Names tagged as a person or an organisation somewhere in the document, as gazetteer keys: a
 * facility word after them names something of theirs (`the Hezbollah base`), not a place called so.
 */
function ownerNames(
  words: readonly (readonly string[])[],
  entities: readonly (readonly TokenEntity[])[],
  tables: Pick<NameTables, 'facilityHeads'>,
): Set<string> {
  const owners = new Set<string>();
  words.forEach((sentence, s) => {
    for (const entity of entities[s] ?? []) {
      if (entity.label !== 'PER' && entity.label !== 'ORG') continue;
      if (facilityHeadAt(sentence, entity.end, tables)) continue;
      owners.add(gazetteerKey(sentence.slice(entity.start, entity.end)));
    }
  });
  return owners;
}

function facilityHeadAt(
  words: readonly string[],
  at: number,
  tables: Pick<NameTables, 'facilityHeads'>,
): string[] | undefined {
  return tables.facilityHeads.find((head) => head.every((word, k) => words[at + k] === word));
}

/**
 * `the US-run Ain al-Assad airbase`: CoNLL leaves a lower-case facility word out of the name, so the
 * tagger stops before it; the word joins the name and the whole is a place. Not after:
 * - a person's name (`the Trump camp`);
 * - an organisation's, for words organisations have too (`Alter Television station`, a firm's base);
 * - a name known on its own, from the lists or the training data (`Baghdad airport`, `an Iraqi
 *   base`: a city's airport, a country's base);
 * - a name the document uses for a person or organisation (`the Hezbollah base`: a base it owns);
 * - `a`/`an` (`a Hezbollah base`: one of several).
 */
export function extendToFacility(
  words: readonly string[],
  entity: TokenEntity,
  model: Pick<EntityModel, 'listed' | 'induced'>,
  tables: Pick<NameTables, 'facilityHeads'>,
  owners: ReadonlySet<string>,
): TokenEntity {
  if (entity.label === 'PER' || entity.end <= entity.start) return entity;
  const head = facilityHeadAt(words, entity.end, tables);
  if (!head || (entity.label === 'ORG' && head.length === 1 && HELD_BY_ORGANISATIONS.has(head[0] as string))) {
    return entity;
  }
  const key = gazetteerKey(words.slice(entity.start, entity.end));
  if (model.listed.entries.has(key) || model.induced.entries.has(key) || owners.has(key)) return entity;
  let before = entity.start - 1;
  while (before >= 0 && HYPHEN_ADJECTIVE.test(words[before] as string)) before--;
  if (before >= 0 && INDEFINITE.has((words[before] as string).toLowerCase())) return entity;
  return { start: entity.start, end: entity.end + head.length, label: 'LOC' };
}
