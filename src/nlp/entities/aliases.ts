/**
 * Within one document, every mention gets the canonical name of what it refers to: a surname or a
 * particle-less form points back to the full name (`Kaabi`, `Al-Kaabi` → `Akram al-Kaabi`), an
 * acronym or a parenthesised or `better known as` name to the name it was defined by
 * (`Popular Mobilization Units (PMU)`), and the alias table's short forms to their full names.
 * A short form that fits two full names (two people named Soleimani) is left alone.
 */
import type { EntityType } from '../../model/index.js';
import { englishCalendarWords } from '../timex/index.js';
import type { Mention } from './mentions.js';
import { countLeadingTitleWords, type NameTables, nameKeyTokens, splitTitleWords } from './name-lists.js';
import { tokenize } from './tokenize.js';

/** Month and weekday names, short ones too (`Sat`, `Sept`). */
const CALENDAR_WORDS = englishCalendarWords(['long', 'short']);

/** A listed company's code and exchange, as wire copy writes it after the name (`IBM.N`, `FABK.O`). */
const EXCHANGE_CODE = /^[\p{Lu}\d]{1,6}\.[\p{Lu}]{1,2}$/u;

const straight = (name: string) => name.replace(/[\u2018\u2019\u02bc`]/g, "'");

/** Returns the mentions with `canonical` set, plus mentions of defined aliases the tagger missed. */
export function resolveAliases(text: string, found: readonly Mention[], tables: NameTables): Mention[] {
  const mentions = found.map((mention) => ({ ...mention, roles: [...mention.roles] }));
  const surface = (mention: Mention) => straight(text.slice(mention.start, mention.end));
  /** alias key → the mention that defines what it refers to. */
  const defined = new Map<string, Mention>();
  /** alias key → the alias as the text first writes it. */
  const written = new Map<string, string>();
  const keyOf = (name: string) => nameKeyTokens(tables, name).join(' ');

  const byStart = new Map(mentions.map((mention) => [mention.start, mention]));
  for (const mention of mentions) {
    const after = text.slice(mention.end, mention.end + 160);
    const paren = /^\s*\(([^()]{1,60})\)/.exec(after);
    if (paren) {
      const inner = (paren[1] as string).trim();
      const isAcronym = /^[\p{Lu}][\p{Lu}\d.&-]{1,9}$/u.test(inner) && matchesInitials(inner, surface(mention));
      // `Ireland v England (Sun)`: a fixture's day in brackets is no second name of the team before it;
      // nor is a note's letter (`U.S. (E)`), an exchange code (`First American Bank (FABK.O)`), a
      // pair of things (`Japan (C AND F)`), whatever its case, or a capitals code that does not even
      // start as the name does (`Gulf (FOB)`, `Texaco Inc (QTX)`; `Islamic State (ISIS)` does).
      const isName =
        /^\p{Lu}/u.test(inner) &&
        (inner.match(/\p{L}/gu) ?? []).length >= 2 &&
        !EXCHANGE_CODE.test(inner) &&
        !(!/\p{Ll}/u.test(inner) && !/\s/.test(inner) && inner[0] !== surface(mention).trimStart()[0]) &&
        !/[,;]|\band\b/i.test(inner) &&
        inner.split(/\s+/).length <= 5 &&
        !CALENDAR_WORDS.has(inner.replace(/\.$/, ''));
      // `Tatjana Mittermayer (Germany)`, `Benetton (Italy)`: what the tagger reads in the brackets as
      // another kind of thing (a country, a party, a team) qualifies the name, it does not rename it.
      const innerStart =
        mention.end + after.indexOf('(') + 1 + ((paren[1] as string).length - (paren[1] as string).trimStart().length);
      const qualifier = byStart.get(innerStart);
      const otherKind = qualifier !== undefined && qualifier.type !== mention.type;
      if (isAcronym || (isName && !otherKind)) {
        defined.set(keyOf(inner), mention);
        written.set(keyOf(inner), inner);
      }
    }
    const known =
      /^(?:\s*\([^()]{1,60}\))?,?\s+(?:better |also |more commonly )?known as\s+((?:[\p{Lu}][\p{L}'’.-]*|al-[\p{L}'’-]+|of|the)(?:\s+(?:[\p{Lu}][\p{L}'’.-]*|al-[\p{L}'’-]+|of))*)/u.exec(
        after,
      );
    if (known) {
      const alias = (known[1] as string).replace(/\s+(?:of|the)$/, '');
      defined.set(keyOf(alias), mention);
      written.set(keyOf(alias), alias);
    }
  }

  // Mentions of defined aliases the tagger missed (`PMU` alone, `Hashd al-Sha'abi`).
  const covered = new Uint8Array(text.length + 1);
  for (const mention of mentions) covered.fill(1, mention.start, mention.end);
  for (const [key, definer] of defined) {
    const alias = written.get(key);
    if (!key || !alias) continue;
    const pattern = new RegExp(
      `(?<![\\p{L}\\d'’-])${escapeForPattern(alias).replace(/['’]/g, "['’]")}(?![\\p{L}\\d-])`,
      'gu',
    );
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (covered.subarray(start, end).some(Boolean)) continue;
      covered.fill(1, start, end);
      mentions.push({ start, end, type: definer.type, roles: [], rule: 'defined-alias' });
    }
  }
  retypeTitledPersons(text, mentions, tables);
  addSurnameMentions(text, mentions, tables);
  mentions.sort((a, b) => a.start - b.start);

  // The longest form of each key is its canonical name; its type is the one most of its mentions have.
  const fullByKey = new Map<string, Mention>();
  const typeVotes = new Map<string, Map<EntityType, number>>();
  for (const mention of mentions) {
    const key = keyOf(surface(mention));
    const current = fullByKey.get(key);
    if (!current || surface(mention).length > surface(current).length) fullByKey.set(key, mention);
    const votes = typeVotes.get(key) ?? new Map<EntityType, number>();
    votes.set(mention.type, (votes.get(mention.type) ?? 0) + (mention.rule === 'model' ? 1 : 0.5));
    typeVotes.set(key, votes);
  }
  const majorityType = new Map<string, EntityType | undefined>();
  const typeOfKey = (key: string, fallback: EntityType): EntityType => {
    if (!majorityType.has(key)) {
      const votes = [...(typeVotes.get(key) ?? [])].sort((a, b) => b[1] - a[1]);
      majorityType.set(key, votes[0]?.[0]);
    }
    return majorityType.get(key) ?? fallback;
  };
  // Every longer name by each of its proper word suffixes: `kaabi` → `akram al-kaabi`. Looking a key
  // up here, not scanning every name for every mention, keeps long documents linear.
  const longerBySuffix = new Map<string, [string, Mention][]>();
  for (const [fullKey, full] of fullByKey) {
    const fullTokens = fullKey.split(' ');
    for (let n = 1; n < fullTokens.length; n++) {
      const suffix = fullTokens.slice(-n).join(' ');
      const list = longerBySuffix.get(suffix) ?? [];
      list.push([fullKey, full]);
      longerBySuffix.set(suffix, list);
    }
  }
  const canonicalOf = (mention: Mention, seen = new Set<Mention>()): { name: string; type: EntityType } => {
    seen.add(mention);
    const name = surface(mention);
    const key = keyOf(name);
    const definer = defined.get(key);
    if (definer && !seen.has(definer)) return canonicalOf(definer, seen);
    const type = typeOfKey(key, mention.type);
    const listed = tables.aliases.get(name);
    if (listed && (type === 'LOC' || type === 'ORG')) {
      return { name: listed, type: typeOfKey(keyOf(listed), type) };
    }
    const tokens = key.split(' ');
    const longer = new Set<Mention>();
    for (const [fullKey, full] of longerBySuffix.get(key) ?? []) {
      if (full === mention) continue;
      const fullType = typeOfKey(fullKey, full.type);
      // A lone surname follows its person whatever the tagger called it (`Al-Kaabi` tagged LOC).
      if (fullType !== type && !(tokens.length === 1 && fullType === 'PERSON')) continue;
      // Only a person is named by the end of their name: `Wales` is not `East Wales`, `Hezbollah` not
      // `Kataib Hezbollah`, `Democrats` not `Liberal Democrats`.
      if (fullType !== 'PERSON') continue;
      longer.add(full);
    }
    if (longer.size === 1) {
      const [full] = [...longer] as [Mention];
      if (!seen.has(full)) return canonicalOf(full, seen);
    }
    return { name: surface(fullByKey.get(key) ?? mention), type };
  };
  // Mentions of one name and type share their answer; a definer is left out, as the walk skips it.
  const definers = new Set(defined.values());
  const answers = new Map<string, { name: string; type: EntityType }>();
  return mentions.map((mention) => {
    const memo = definers.has(mention) ? undefined : `${surface(mention)}\u0000${mention.type}`;
    let answer = memo === undefined ? undefined : answers.get(memo);
    if (!answer) {
      answer = canonicalOf(mention);
      if (memo !== undefined) answers.set(memo, answer);
    }
    const { name } = answer;
    const rule = name !== surface(mention) && mention.rule === 'model' ? 'alias-of' : mention.rule;
    return {
      ...mention,
      canonical: name,
      type: settledType(mention, answer, keyOf(surface(mention)), keyOf(name)),
      rule,
    };
  });
}

/**
 * The type a mention ends with. The tagger read each mention in its own context, so the mentions it
 * tagged keep its type: a document-wide vote spreads one reading over mentions that differ (`NEW
 * YORK` the dateline and `New York` the team; `Nice` the club and the town). Mentions the rules
 * added take the type of what they name, and a lone word that resolved to a person's full name is
 * that person's surname (`Washington` after `MaliVai Washington`).
 */
function settledType(
  mention: Mention,
  answer: { name: string; type: EntityType },
  key: string,
  answerKey: string,
): EntityType {
  if (mention.rule !== 'model' && mention.rule !== 'title-stripped') return answer.type;
  const surname = answer.type === 'PERSON' && !key.includes(' ') && answerKey !== key;
  return surname ? 'PERSON' : mention.type;
}

/** The last key word of each multi-word PERSON name: its surname, as far as aliases go. */
function surnames(text: string, mentions: readonly Mention[], tables: NameTables): Map<string, number> {
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  for (const mention of mentions) {
    if (mention.type !== 'PERSON') continue;
    const key = nameKeyTokens(tables, text.slice(mention.start, mention.end));
    const full = key.join(' ');
    if (key.length < 2 || seen.has(full)) continue;
    seen.add(full);
    const last = key[key.length - 1] as string;
    counts.set(last, (counts.get(last) ?? 0) + 1);
  }
  return counts;
}

/** `Lieutenant General Soleimani` tagged ORG in a document that names Qassem Soleimani: a titled person. */
function retypeTitledPersons(text: string, mentions: Mention[], tables: NameTables): void {
  const known = surnames(text, mentions, tables);
  for (const mention of mentions) {
    if (mention.type === 'PERSON') continue;
    const tokens = tokenize(text, mention.start, mention.end);
    const titleWords = countLeadingTitleWords(
      tables,
      tokens.map((token) => token.text),
    );
    if (titleWords === 0) continue;
    const rest = tokens.slice(titleWords);
    const key = nameKeyTokens(tables, rest.map((token) => token.text).join(' '));
    if (key.length !== 1 || known.get(key[0] as string) !== 1) continue;
    const { roles, honorifics } = splitTitleWords(tables, text, tokens.slice(0, titleWords));
    mention.roles.push(...roles);
    if (honorifics.length > 0) mention.honorifics = [...(mention.honorifics ?? []), ...honorifics];
    mention.start = (rest[0] as { start: number }).start;
    mention.type = 'PERSON';
    mention.rule = 'title-stripped';
  }
}

/** Untagged mentions of a surname that only one person in the document has (`Uqabi called …`). */
function addSurnameMentions(text: string, mentions: Mention[], tables: NameTables): void {
  const counts = surnames(text, mentions, tables);
  const written = new Set<string>();
  for (const mention of mentions) {
    if (mention.type !== 'PERSON') continue;
    const words = tokenize(text, mention.start, mention.end).map((token) => token.text);
    if (words.length < 2) continue;
    const last = (words[words.length - 1] as string).replace(/^(?:al|el|Al|El)-/, '');
    const key = nameKeyTokens(tables, last)[0];
    if (key && key.length >= 3 && counts.get(key) === 1) written.add(last);
  }
  if (written.size === 0) return;
  const alternatives = [...written].map((name) => escapeForPattern(name).replace(/['’]/g, "['’]")).join('|');
  const pattern = new RegExp(`(?<![\\p{L}\\d'’-])(?:(?:[Aa]l|[Ee]l)-)?(?:${alternatives})(?![\\p{L}\\d-])`, 'gu');
  const covered = new Uint8Array(text.length + 1);
  for (const mention of mentions) covered.fill(1, mention.start, mention.end);
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (covered.subarray(start, end).some(Boolean)) continue;
    covered.fill(1, start, end);
    mentions.push({ start, end, type: 'PERSON', roles: [], rule: 'surname' });
  }
}

/** `IRGC` fits `Islamic Revolution Guards Corps`: the capitalised words' initials, in order. */
export function matchesInitials(acronym: string, name: string): boolean {
  const letters = acronym.replace(/[^\p{Lu}]/gu, '');
  const initials = name
    .split(/[\s-]+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0])
    .join('');
  return (
    letters.length >= 2 &&
    initials.startsWith(letters.slice(0, Math.min(letters.length, initials.length))) &&
    Math.abs(initials.length - letters.length) <= 1
  );
}

function escapeForPattern(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
