/**
 * Resolves a speaker mention to a canonical name with the entities layer: a name is the entity
 * heading the mention (a short name becomes the fuller name of the same person said earlier);
 * `he`/`she` the person who opened the sentence before, else the last person of that gender who
 * spoke, else the last person named; `it`/`they`/`the statement` an organisation likewise; a
 * definite description (`the England skipper`) the person it points back at, or the one named next
 * when speaking (`The head of the PMU's public relations said ... al-Uqabi said`); and an unnamed
 * speaker (`analysts`, `a spokesman`, `police in Calloway`) its own description.
 */
import { partitionPoint, type Span, SpanLookup } from '../../model/index.js';
import type { CueLexicon } from './cues.js';
import type { Mention } from './speaker.js';
import { PERSON_PRONOUNS, tokenize } from './tokens.js';

export interface Resolution {
  name: string | null;
  gender?: 'm' | 'f';
  /** Id of the entity span the mention overlaps, when it names the speaker itself. */
  entitySpan: string | null;
  type: string | null;
}

export interface SpokenBefore {
  offset: number;
  name: string;
  type: string | null;
  medium?: string;
  /** `m` or `f` when the text tells (`Mr`, `she`, `spokeswoman`), so `he` never points at a woman. */
  gender?: 'm' | 'f';
}

const GROUP_PRONOUNS = new Set(['it', 'they', 'them']);
const DOCUMENT_NOUNS =
  /^(?:the|this|that)\s+(?:statement|report|communiqu[eé]|letter|memo|announcement|post|tweet|message)$/iu;
const LOOKAHEAD = 700;

export function resolveSpeaker(
  text: string,
  mention: Mention,
  entities: readonly Span[],
  spoken: readonly SpokenBefore[],
  cues: CueLexicon,
  speakerMentions: readonly Mention[] = [],
): Resolution {
  const words = text.slice(mention.start, mention.end).trim();
  const lower = words.toLowerCase();
  // The last speaker before the mention that fits, scanning back from the latest.
  const lastSpoken = (fits: (item: SpokenBefore) => boolean) => {
    for (let i = spoken.length - 1; i >= 0; i--) {
      const item = spoken[i] as SpokenBefore;
      if (item.offset < mention.start && fits(item)) return item;
    }
    return undefined;
  };
  const knownGender = (name: string) =>
    spoken.find((item) => item.name === name && item.gender && item.offset < mention.start)?.gender;
  if (lower === 'who') {
    const antecedent = mention.antecedent;
    if (!antecedent) return none();
    // `Nicky Driscoll, 24, from Manchester, who said`: after a comma, the person or organisation
    // named last before it; `leaders who say`, `a White House official who spoke`: the phrase itself,
    // or the name it describes (`Geoff Garin, a Democratic pollster who advises`).
    const restrictive = !text.slice(antecedent.end, mention.start).includes(',');
    const before = restrictive ? /,\s*$/u.exec(text.slice(Math.max(0, antecedent.start - 3), antecedent.start)) : null;
    const until = restrictive ? (before ? antecedent.start - before[0].length : antecedent.start) : mention.start;
    const from = Math.max(sentenceStartBefore(text, mention.start), mention.start - RELATIVE_REACH);
    const named = ['PERSON', 'ORG']
      .map((label) => indexOf(entities).lastEndingBy(label, until))
      .filter((span): span is Span => span !== undefined && span.start >= from && (!restrictive || span.end === until))
      .sort((a, b) => b.end - a.end)[0];
    if (named && (!restrictive || before))
      return { name: fullName(entityName(named), entities, named.start), entitySpan: null, type: named.label };
    return resolveSpeaker(text, antecedent, entities, spoken, cues, speakerMentions);
  }
  if (PERSON_PRONOUNS.has(lower)) {
    const gender = lower === 'he' || lower === 'him' ? 'm' : 'f';
    // A speaker shown as the body it speaks for (`a spokesman for the British Casino Association`)
    // is still a person when the mention told a gender, and `he` may continue it.
    // A speaker's gender may be told only after they first spoke (`Brady told ... She added`): what
    // the text told of the name anywhere before the pronoun counts for each of their earlier turns.
    const person = lastSpoken(
      (item) =>
        ((item.type === 'PERSON' || item.type === null) &&
          (item.gender ?? knownGender(item.name) ?? gender) === gender) ||
        (item.type === 'ORG' && item.gender === gender),
    );
    const subject = subjectSince(text, entities, person?.offset ?? -1, mention.start, 'PERSON', cues.roleNouns);
    const named =
      (subject && (genderOf(text, subject.offset) ?? knownGender(subject.name) ?? gender) === gender
        ? subject
        : undefined) ??
      person ??
      lastPersonOfGender(text, entities, mention.start, gender, knownGender);
    return named ? { name: named.name, entitySpan: null, type: named.type ?? 'PERSON', gender } : none();
  }
  if (GROUP_PRONOUNS.has(lower) || DOCUMENT_NOUNS.test(words)) {
    const group = lastSpoken((item) => item.type === 'ORG');
    // `The opposition ... It said`: an organisation opening the sentence before is what `it` continues.
    const subject =
      lower === 'it'
        ? subjectSince(text, entities, group?.offset ?? -1, mention.start, 'ORG', cues.roleNouns)
        : undefined;
    const named = subject ?? group ?? lastEntity(entities, mention.start, 'ORG');
    return named ? { name: named.name, entitySpan: null, type: 'ORG' } : none();
  }
  // `Mr Crosby's statement said`: the statement speaks for whoever made it.
  const possessor =
    /^(.+?)['’]s?\s+(?:statement|letter|report|spokesman|spokeswoman|spokesperson|website|lawyer|lawyers)$/u.exec(
      words,
    );
  if (possessor?.[1] && /^\p{Lu}/u.test(possessor[1])) {
    const owner = headEntities(
      text,
      { start: mention.start, end: mention.start + possessor[1].length },
      entities,
      cues,
    )[0];
    if (owner && (owner.label === 'PERSON' || owner.label === 'ORG'))
      return { name: fullName(entityName(owner), entities, owner.start), entitySpan: null, type: owner.label };
  }
  // `Tony Blair and Ruth Kelly have suggested`: two speakers, shown together.
  const joined = / and /u.exec(words);
  if (joined) {
    const left = headEntities(text, { start: mention.start, end: mention.start + joined.index }, entities, cues)[0];
    const right = headEntities(text, { start: mention.start + joined.index + 5, end: mention.end }, entities, cues)[0];
    if (left?.label === 'PERSON' && right?.label === 'PERSON') {
      const name = `${fullName(entityName(left), entities, left.start)} and ${fullName(entityName(right), entities, right.start)}`;
      return { name, entitySpan: null, type: 'GROUP' };
    }
  }
  // `Peter Misselbrook, executive partner of Tods Murray said`: the person whose description, its
  // closing comma missing, runs up to the verb is who speaks, not the firm the description names.
  const described = unclosedAppositive(text, mention, entities, cues);
  if (described)
    return { name: fullName(entityName(described), entities, described.start), entitySpan: null, type: 'PERSON' };
  const heads = headEntities(text, mention, entities, cues);
  const entity = heads[0];
  if (entity) {
    return { name: fullName(entityName(entity), entities, entity.start), entitySpan: entity.id, type: entity.label };
  }
  // `the festival's executive director, Craig Prater`: a description followed by the name it describes.
  const named = appositiveName(text, mention, entities);
  if (named) return { name: fullName(entityName(named), entities, named.start), entitySpan: null, type: named.label };
  const definite = /^(?:the|this|that)\s/iu.test(words) && !isPlural(words);
  // `said the American`: a demonym heading a definite description describes a person.
  const demonym =
    definite &&
    indexOf(entities)
      .lookup.overlapping(mention.start, mention.end)
      .some((span) => span.label === 'MISC' && span.end >= mention.end);
  const kind = descriptionKind(words, cues) ?? (demonym ? 'PERSON' : undefined);
  if (definite && kind) {
    // `the England skipper`, `the paper`: a definite description points back at whoever it describes:
    // the person opening the sentence before, else whoever spoke or was named in full last.
    const from = sentenceStartBefore(text, mention.start);
    const subject =
      kind === 'PERSON' ? subjectSince(text, entities, -1, mention.start, 'PERSON', cues.roleNouns) : undefined;
    const speaker = lastSpoken(
      (item) => item.type === kind && item.offset < from && item.offset >= from - ANTECEDENT_REACH,
    );
    // Only a full name outbids the last speaker: a lone word taken for a person (`Tory plans`, `Bath`) is often not one.
    const mentioned = [nearestEntity(entities, from, kind)].find((item) => item?.name.includes(' '));
    // `the Spurs sporting director`, after `Tottenham sporting director Frank Arnesen` and talk of
    // coach Jacques Santini; `the cardinal`, long after `Cardinal Cormac Murphy-O'Connor` opened the
    // article: the person the text gave that title, however far back, outbids a name said since.
    const titled = kind === 'PERSON' ? titledPerson(text, entities, mention.start, words) : undefined;
    if (!subject && titled) return { name: titled, entitySpan: null, type: 'PERSON' };
    // Whichever came last: `Stephen Pound labelled ... The MP for Ealing North claimed`.
    const antecedent =
      subject ?? (speaker && (!mentioned || speaker.offset >= mentioned.offset) ? speaker : (mentioned ?? speaker));
    if (antecedent) return { name: antecedent.name, entitySpan: null, type: kind };
    // `The head of the PMU's public relations said ... “...,” Muhannad al-Uqabi said.`: introduced
    // by a role, the speaker is named when next speaking. (`A spokesman` stays unnamed.)
    const ahead = indexOf(entities)
      .lookup.startingIn(mention.end, mention.end + LOOKAHEAD)
      .find(
        (span) =>
          span.label === 'PERSON' && speakerMentions.some((other) => other.start < span.end && other.end > span.start),
      );
    if (ahead && kind === 'PERSON')
      return { name: fullName(entityName(ahead), entities, ahead.start), entitySpan: null, type: 'PERSON' };
  }
  // Nobody named: the speaker is shown as the text describes it (`analysts`, `police in Calloway`).
  // A mention of capitalised words only is a name the entity tagger missed (`Bellamy`, `Lord
  // Falconer`); any other of unknown kind (`analysts`) is kept from `he` and `it`.
  const name = /^(?:\p{Lu}[\p{L}'’.-]*\s*)+$/u.test(words) && !/^(?:The|A|An)\s/u.test(words);
  // `Birmingham have confirmed`, `Thailand has said`: a place that speaks does so through a club or
  // government, never as a person `he` could continue.
  const place = indexOf(entities)
    .lookup.overlapping(mention.start, mention.end)
    .some((span) => span.label === 'LOC' && span.start <= mention.start && span.end >= mention.end);
  return {
    name: describe(words),
    entitySpan: null,
    type: kind ?? (place ? 'ORG' : name ? 'PERSON' : 'DESCRIPTION'),
  };
}

const ANTECEDENT_REACH = 1500;
/** How far back from `who` its antecedent may start. */
const RELATIVE_REACH = 120;
/** Where a noun phrase's head ends: a following of-phrase, place, bracket, relative clause or comma qualifies it. */
const QUALIFIER = /\s(?:of|in|at|from|for|with|who|whose|which|on|to)\s|,|\s\(/u;
const NAME_SUFFIX = /^[\s.]*(?:(?:Jr|Sr|II|III|IV)[\s.]*)?$/u;

/**
 * The entities a mention is headed by: the one ending its head (`Prebon Yamane economist Lena Komileva`
 * -> Lena Komileva, `Brian Taylor of Wells Fargo` -> Brian Taylor), never one that only modifies it
 * (`the Liverpool player`, `police in Calloway`). People first, then organisations.
 */
function headEntities(text: string, mention: Mention, entities: readonly Span[], cues: CueLexicon): Span[] {
  const words = text.slice(mention.start, mention.end);
  const qualifier = QUALIFIER.exec(words);
  const headEnd = mention.start + (qualifier ? qualifier.index : words.length);
  const endsAt = (span: Span, end: number) => span.end >= end || NAME_SUFFIX.test(text.slice(span.end, end));
  const inside = indexOf(entities)
    .lookup.overlapping(mention.start, mention.end)
    .filter((span) => span.label === 'PERSON' || span.label === 'ORG')
    .sort((a, b) => rank(a) - rank(b) || b.end - b.start - (a.end - a.start));
  // A person closing the whole phrase is its head (`Acting Assistant Secretary of State Joey Hood`).
  const person = inside.find((span) => span.label === 'PERSON' && endsAt(span, mention.end));
  if (person) return [person];
  const head = inside.filter((span) => span.start < headEnd && endsAt(span, headEnd));
  if (head.length > 0) return head;
  // `a spokesman for the Red Cross`: a role speaks for the organisation that qualifies it.
  const role = descriptionKind(words, cues) === 'PERSON';
  return role ? inside.filter((span) => span.label === 'ORG' && endsAt(span, mention.end)) : [];
}

/** How far before a mention the person an unclosed description describes may be named. */
const APPOSITIVE_REACH = 120;

/**
 * A person named just before the mention and followed by a comma, when what runs from that comma to
 * the end of the mention is one description headed by a role (`, a strategist at Monument
 * Securities`): no other comma, stop or quotation mark, and no person named in its head.
 */
function unclosedAppositive(
  text: string,
  mention: Mention,
  entities: readonly Span[],
  cues: CueLexicon,
): Span | undefined {
  const person = indexOf(entities)
    .lookup.overlapping(Math.max(0, mention.start - APPOSITIVE_REACH), mention.start)
    .filter((span) => span.label === 'PERSON' && span.end <= mention.start)
    .at(-1);
  if (!person) return undefined;
  // The person opens its clause (`Marc Ostwald, ...`, `..., but Christoph Caselitz, ...`): after
  // `Echoing Condoleezza Rice,` the words that follow describe someone else.
  const opening = text.slice(sentenceStartBefore(text, person.start), person.start).split(/[,;:]/u).at(-1) ?? '';
  if (!/^[\s"“‘']*(?:(?:but|and|while|yet|so|meanwhile|however)\s+)?$/iu.test(opening)) return undefined;
  const description = text.slice(person.end, mention.end);
  if (!/^,\s/u.test(description) || /[,.;:!?"“”()]/u.test(description.slice(1))) return undefined;
  // Its head, before `of`, `at` and the like: `executive partner` of `executive partner of Tods Murray`.
  const qualifier = QUALIFIER.exec(description.slice(1));
  const headEnd = person.end + 1 + (qualifier ? qualifier.index : description.length - 1);
  const named = indexOf(entities)
    .lookup.overlapping(person.end, headEnd)
    .some((span) => span.label === 'PERSON');
  if (named) return undefined;
  const head = tokenize(text, person.end, headEnd).map((token) => token.lower);
  return head.some((word) => cues.roleNouns.has(word)) ? person : undefined;
}

/** A PERSON or ORG named right after the mention, set off by a comma (`the founder, Akram al-Kaabi,`). */
function appositiveName(text: string, mention: Mention, entities: readonly Span[]): Span | undefined {
  if (!/^,\s/u.test(text.slice(mention.end, mention.end + 2))) return undefined;
  return indexOf(entities)
    .lookup.startingIn(mention.end, mention.end + 4)
    .find((span) => span.label === 'PERSON' || span.label === 'ORG');
}

/** PERSON for a description headed by a person noun (`the England skipper`), ORG for an organisation noun. */
function descriptionKind(words: string, cues: CueLexicon): 'PERSON' | 'ORG' | undefined {
  const qualifier = QUALIFIER.exec(words);
  const head = tokenize(qualifier ? words.slice(0, qualifier.index) : words)
    .filter((token) => token.word)
    .map((token) => token.lower);
  const last = head[head.length - 1] ?? '';
  const lastTwo = head.slice(-2).join(' ');
  if (cues.roleNouns.has(lastTwo) || cues.roleNouns.has(last)) return 'PERSON';
  // `the 31-year-old`: an age standing for a noun describes a person.
  if (/^\d+-year-old$/u.test(last)) return 'PERSON';
  if (cues.groupNouns.has(lastTwo) || cues.groupNouns.has(last)) return 'ORG';
  return undefined;
}

/** `the officials`, `the police`: a group, which no single earlier name stands for. */
function isPlural(words: string): boolean {
  const qualifier = QUALIFIER.exec(words);
  const head = (qualifier ? words.slice(0, qualifier.index) : words).trim().split(/\s+/u).pop() ?? '';
  return /[^s]s$/iu.test(head) || /^(?:police|people|staff)$/iu.test(head);
}

/** A description as a speaker's name: its leading article in lower case (`The paper` -> `the paper`). */
function describe(words: string): string {
  return words.replace(/^(?:The|A|An)\s/u, (article) => article.toLowerCase()).replace(/\s+/gu, ' ');
}

/** Where the sentence holding `offset` starts, read back to the last full stop. */
function sentenceStartBefore(text: string, offset: number): number {
  const before = text.slice(Math.max(0, offset - 400), offset);
  const stops = [...before.matchAll(/[.!?]["”’]?\s+/gu)];
  const last = stops[stops.length - 1];
  return last ? offset - before.length + (last.index as number) + last[0].length : Math.max(0, offset - 400);
}

/**
 * A person who opened a sentence after the last speaker and before the pronoun's sentence
 * (`DiCaprio, who lost out to Foxx, will face him again. “...,” he told reporters`): a new subject
 * is what a following `he` most often continues.
 */
function subjectSince(
  text: string,
  entities: readonly Span[],
  after: number,
  pronoun: number,
  label = 'PERSON',
  roleNouns: ReadonlySet<string> = new Set(),
): SpokenBefore | undefined {
  const from = sentenceStartBefore(text, pronoun);
  if (from === 0) return undefined;
  const previous = sentenceStartBefore(text, Math.max(0, from - 2));
  // The subject opens the sentence, after a conjunction or else a short opening adverbial (`Amid opposition anger, `).
  const sentence = text.slice(previous, from);
  const openings = [/^(?:(?:But|And|Yet|So|Now|Meanwhile|However),?\s+)?/u, /^[^,.;:"“”]{1,40},\s+/u];
  const subject = openings
    .map((opening) => opening.exec(sentence)?.[0])
    .flatMap((opening) =>
      opening === undefined
        ? []
        : indexOf(entities)
            .lookup.startingIn(previous + opening.length, previous + opening.length + TITLE_REACH)
            .filter(
              (span) =>
                span.label === label && titlesName(text.slice(previous + opening.length, span.start), roleNouns),
            ),
    )[0];
  if (!subject || subject.start <= after) return undefined;
  return { offset: subject.start, name: fullName(entityName(subject), entities, subject.start), type: label };
}

const TITLE_REACH = 40;
/**
 * A title or article before a name that opens a sentence (`Mr Blunkett`, `The BBC`), or a role
 * written before it (`Lib Dem chairman Matthew Taylor`, `Tory leader Michael Howard`).
 */
const TITLE =
  /^(?:(?:[Tt]he|M[rs]|Mrs|Miss|Dr|Sir|Lord|Lady|Dame|Prof|Professor|President|Chancellor|Minister)\.?\s+)?$/u;
/**
 * Words before a name that describe its bearer: capitalised words, possessives among them
 * (`Screen International's US editor`, `Lib Dem chairman`), then at most three lower-case words
 * holding a role noun (`director of rugby`).
 */
function titlesName(words: string, roleNouns: ReadonlySet<string>): boolean {
  if (TITLE.test(words)) return true;
  const list = words.trim().split(/\s+/u);
  if (list.length === 0 || list.length > 7 || !/\s$/u.test(words)) return false;
  let first = /^[Tt]he$/u.test(list[0] as string) ? 1 : 0;
  while (first < list.length && /^\p{Lu}[\p{L}-]*(?:['’]s?)?$/u.test(list[first] as string)) first++;
  const role = list.slice(first);
  if (role.length === 0 || role.length > 3 || !role.every((word) => /^\p{Ll}[\p{Ll}-]*$/u.test(word))) return false;
  return role.some((word) => roleNouns.has(word)) || roleNouns.has(role.slice(-2).join(' '));
}

/** The gender a title right before `offset` tells (`Mr`, `Ms`), if any. */
function genderOf(text: string, offset: number): 'm' | 'f' | undefined {
  const before = text.slice(Math.max(0, offset - 8), offset);
  if (/\b(?:Mr|Sir|Lord)\.?\s+$/u.test(before)) return 'm';
  if (/\b(?:Mrs|Ms|Miss|Lady|Dame)\.?\s+$/u.test(before)) return 'f';
  return undefined;
}

const MALE = /^(?:he|him)$|^(?:Mr|Sir|Lord)\b|\b(?:spokesman|chairman|man|father|son|husband|king|prince)$/iu;
const FEMALE =
  /^(?:she|her)$|^(?:Mrs|Ms|Miss|Lady|Dame)\b|\b(?:spokeswoman|chairwoman|woman|mother|daughter|wife|queen|princess|actress)$/iu;

/** The gender the words of a mention tell (`Mr Blunkett`, `a spokeswoman`, `she`), if any. */
export function genderOfMention(words: string): 'm' | 'f' | undefined {
  // The head tells, not what qualifies it: `a spokesman for the British Casino Association`.
  const qualifier = QUALIFIER.exec(words);
  const head = qualifier ? words.slice(0, qualifier.index) : words;
  if (MALE.test(head)) return 'm';
  if (FEMALE.test(head)) return 'f';
  return undefined;
}

/** The last person before `before` written with the description's head noun as a title (`Cardinal X`). */
function titledPerson(
  text: string,
  entities: readonly Span[],
  before: number,
  description: string,
): string | undefined {
  const role = /([\p{L}-]+)\s*$/u.exec(description)?.[1]?.toLowerCase();
  if (!role) return undefined;
  let found: Span | undefined;
  for (const span of entities) {
    if (span.label !== 'PERSON' || span.start >= before) continue;
    const written = text.slice(span.start, span.end).toLowerCase();
    const ahead = text.slice(Math.max(0, span.start - role.length - 2), span.start).toLowerCase();
    if (written.startsWith(`${role} `) || new RegExp(`(?:^|[^\\p{L}])${role}\\s+$`, 'u').test(ahead)) found = span;
  }
  return found ? fullName(entityName(found), entities, found.start) || undefined : undefined;
}

function nearestEntity(entities: readonly Span[], before: number, label: string): SpokenBefore | undefined {
  const found = lastEntity(entities, before, label);
  return found && found.offset >= before - ANTECEDENT_REACH ? found : undefined;
}

function entityName(span: Span): string {
  const value = span.attrs?.entity;
  return typeof value === 'string' && value.length > 0 ? value : '';
}

function rank(span: Span): number {
  return span.label === 'PERSON' ? 0 : span.label === 'ORG' ? 1 : 2;
}

/**
 * A short name (`Kaabi`, `al-Amiri`) becomes the longer name of a person named earlier whose last
 * word it matches. The entities stage links aliases itself; this covers layers that do not.
 */
export function fullName(name: string, entities: readonly Span[], before: number): string {
  if (name.includes(' ')) return name;
  const key = stripParticle(name);
  for (const span of indexOf(entities).fullNamesEndingIn(key)) {
    if (span.start < before) return entityName(span);
  }
  return name;
}

function stripParticle(word: string): string {
  return word.toLowerCase().replace(/^(?:al|el|ad|as|an)-/u, '');
}

/** How many people named before a pronoun are tried, latest first, for one its gender fits. */
const GENDER_REACH = 4;

/** The last person named before `before` whom nothing shows to be of the other gender (`Ms Jowell` is no `he`). */
function lastPersonOfGender(
  text: string,
  entities: readonly Span[],
  before: number,
  gender: 'm' | 'f',
  knownGender: (name: string) => 'm' | 'f' | undefined,
): SpokenBefore | undefined {
  let until = before;
  for (let tries = 0; tries < GENDER_REACH; tries++) {
    const found = lastEntity(entities, until, 'PERSON');
    if (!found) return undefined;
    const told = genderOf(text, found.offset) ?? knownGender(found.name);
    if (!told || told === gender) return found;
    until = found.offset;
  }
  return undefined;
}

function lastEntity(entities: readonly Span[], before: number, label: string): SpokenBefore | undefined {
  const found = indexOf(entities).lastEndingBy(label, before);
  return found
    ? { offset: found.start, name: fullName(entityName(found), entities, found.start), type: label }
    : undefined;
}

function none(): Resolution {
  return { name: null, entitySpan: null, type: null };
}

/**
 * Lookups over one document's entities that answer as the scans they replace would (same spans, in
 * the layer's order), built once per layer: a long document has thousands of speakers and entities,
 * and scanning every entity for every speaker made it quadratic.
 */
class EntityIndex {
  readonly lookup: SpanLookup<Span>;
  /** Multi-word PERSON spans by their last word without particle, in layer order. */
  private readonly fullNames = new Map<string, Span[]>();
  /** Per label, its spans in layer order, and whether their ends never decrease along it. */
  private readonly byLabel = new Map<string, { spans: Span[]; endsInOrder: boolean }>();

  constructor(entities: readonly Span[]) {
    this.lookup = new SpanLookup(entities);
    for (const span of entities) {
      const entry = this.byLabel.get(span.label) ?? { spans: [], endsInOrder: true };
      const previous = entry.spans[entry.spans.length - 1];
      if (previous && previous.end > span.end) entry.endsInOrder = false;
      entry.spans.push(span);
      this.byLabel.set(span.label, entry);
      if (span.label !== 'PERSON') continue;
      const candidate = entityName(span);
      if (!candidate.includes(' ')) continue;
      const key = stripParticle(candidate.split(/\s+/).pop() ?? '');
      const list = this.fullNames.get(key) ?? [];
      list.push(span);
      this.fullNames.set(key, list);
    }
  }

  fullNamesEndingIn(key: string): readonly Span[] {
    return this.fullNames.get(key) ?? [];
  }

  /** The last span of the label, in layer order, ending at or before `offset`. */
  lastEndingBy(label: string, offset: number): Span | undefined {
    const entry = this.byLabel.get(label);
    if (!entry) return undefined;
    const { spans } = entry;
    if (!entry.endsInOrder) {
      for (let i = spans.length - 1; i >= 0; i--) if ((spans[i] as Span).end <= offset) return spans[i];
      return undefined;
    }
    const after = partitionPoint(spans.length, (i) => (spans[i] as Span).end <= offset);
    return after > 0 ? spans[after - 1] : undefined;
  }
}

const indexes = new WeakMap<readonly Span[], EntityIndex>();

function indexOf(entities: readonly Span[]): EntityIndex {
  let index = indexes.get(entities);
  if (!index) {
    index = new EntityIndex(entities);
    indexes.set(entities, index);
  }
  return index;
}
