import { makeSpan, type Span, spanId } from '../../model/index.js';
import { splitSentences } from '../sentences/index.js';
import { resolveAliases } from './aliases.js';
import { gazetteerKey } from './gazetteer.js';
import { findMentionsBeside, type Mention, type Passage } from './mentions.js';
import type { EntityModel } from './model.js';
import { type NameTables, nameKeyTokens } from './name-lists.js';
import { placeFacility, typeByMiscHead, typeByOrgHead, typeListedName } from './name-types.js';
import { tokenize } from './tokenize.js';

/**
 * Bump the version when the spans change, so stored entities are recomputed (8: persons the
 * document's writing contradicts retyped; a day in brackets is no alias; 9: no stray brackets in a
 * name; a note letter, exchange code or pair in brackets is no alias).
 */
export const ENTITIES_STAGE = { stage: 'nlp/entities', version: 9 } as const;

/** A passage of the document outside its text: the headline, or one of its captions. */
export interface MetaField {
  field: 'headline' | 'caption';
  /** Which caption (`meta.captions[index]`); 0 for the headline. */
  index: number;
  text: string;
}

export function recogniseEntities(
  text: string,
  sentences: readonly Span[],
  model: EntityModel,
  tables: NameTables,
): Span[] {
  return recogniseDocumentEntities(text, sentences, [], model, tables).entities;
}

/**
 * The text's entities (exactly what `recogniseEntities` gives), and those of the headline and
 * captions, tagged and named in the light of the text: a caption's `Kaabi` gets the text's
 * `Akram al-Kaabi`.
 */
export function recogniseDocumentEntities(
  text: string,
  sentences: readonly Span[],
  fields: readonly MetaField[],
  model: EntityModel,
  tables: NameTables,
): { entities: Span[]; metaEntities: Span[] } {
  const passages: Passage[] = fields.map((field) => ({ text: field.text, sentences: splitSentences(field.text) }));
  const found = findMentionsBeside({ text, sentences }, passages, model, tables);
  const finish = (source: string, mention: Mention) =>
    placeFacility(
      source,
      typeListedName(source, typeByMiscHead(source, typeByOrgHead(source, mention, tables), tables)),
      tables,
    );
  const entities = resolveAliases(text, found.main, tables).map((mention) => toSpan(finish(text, mention)));
  if (fields.length === 0) return { entities, metaEntities: [] };
  // The fields resolve among themselves (the alias table, a caption's `Kaabi` after its `Akram
  // al-Kaabi`), then take the text's reading of the same words where it has one.
  const separator = '\n\n';
  let joined = '';
  const starts = fields.map((field, f) => {
    if (f > 0) joined += separator;
    const at = joined.length;
    joined += field.text;
    return at;
  });
  const shifted = found.others.flatMap((mentions, f) =>
    mentions.map((mention) => ({
      ...mention,
      start: mention.start + (starts[f] as number),
      end: mention.end + (starts[f] as number),
    })),
  );
  const inText = textReading(text, entities, tables);
  const titleCase = fields.map((field) => field.field === 'headline' && isTitleCase(field.text));
  const metaEntities = resolveAliases(joined, shifted, tables).flatMap((mention) => {
    const f = starts.findLastIndex((at) => mention.start >= at);
    const field = fields[f] as MetaField;
    const at = starts[f] as number;
    const local = finish(field.text, { ...mention, start: mention.start - at, end: mention.end - at });
    const words = field.text.slice(local.start, local.end);
    const read = inText(words, local.type) ?? inText(local.canonical ?? words, local.type);
    // A capital says nothing at a sentence start (`Ad sales boost …`, `(Photo by AFP)`), nor anywhere
    // in a title-case headline (`… Iraqi Resistance Group Reiterates`): there only names the text
    // also uses, or the lists know, are taken.
    const doubtful =
      titleCase[f] ||
      (passages[f] as Passage).sentences.some((sentence) => firstWordAt(field.text, sentence.start) === local.start);
    if (doubtful && !read && !model.listed.entries.has(gazetteerKey(tokenize(words).map((token) => token.text)))) {
      return [];
    }
    const named = read
      ? { ...local, canonical: read.name, type: read.type, rule: read.name === words ? local.rule : 'as-in-text' }
      : local;
    return [toMetaSpan(field, named)];
  });
  return { entities, metaEntities };
}

/**
 * How the text reads a name: the canonical name and type it gives the same words (`Kaabi`, `PMU`,
 * `Iraq`), or else the one full name of the same type those words end (`Kaabi` for a text that
 * only writes `Akram al-Kaabi`; a lone word may end a person's name whatever its type).
 */
function textReading(
  text: string,
  entities: readonly Span[],
  tables: NameTables,
): (name: string, type: Mention['type']) => { name: string; type: Mention['type'] } | undefined {
  const bySurface = new Map<string, { name: string; type: Mention['type'] }>();
  const full = new Map<string, { name: string; type: Mention['type']; key: string[] }>();
  for (const span of entities) {
    const reading = { name: String(span.attrs?.entity), type: span.label as Mention['type'] };
    for (const written of [text.slice(span.start, span.end), reading.name]) {
      if (!bySurface.has(normalName(written))) bySurface.set(normalName(written), reading);
    }
    full.set(reading.name, { ...reading, key: nameKeyTokens(tables, reading.name) });
  }
  return (name, type) => {
    const same = bySurface.get(normalName(name));
    if (same) return same;
    const key = nameKeyTokens(tables, name);
    if (key.length === 0) return undefined;
    const ending = [...full.values()].filter(
      (candidate) =>
        candidate.key.length > key.length &&
        candidate.key.slice(-key.length).join(' ') === key.join(' ') &&
        (candidate.type === type || (key.length === 1 && candidate.type === 'PERSON')),
    );
    return ending.length === 1
      ? { name: (ending[0] as { name: string }).name, type: (ending[0] as { type: Mention['type'] }).type }
      : undefined;
  };
}

const normalName = (name: string) => name.replace(/[\u2018\u2019\u02bc`]/g, "'").toLowerCase();

/** Where the first word from `at` on starts (past spaces, brackets and quotation marks). */
function firstWordAt(text: string, at: number): number {
  const match = /[\p{L}\d]/u.exec(text.slice(at));
  return match ? at + match.index : -1;
}

/** Most longer words capitalised after the first: `No Friendship with America, Iraqi Resistance Group Reiterates`. */
export function isTitleCase(line: string): boolean {
  const words = tokenize(line)
    .slice(1)
    .map((token) => token.text)
    .filter((word) => /^\p{L}{4,}/u.test(word));
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word)).length;
  return words.length >= 2 && capitalised / words.length >= 0.75;
}

function toMetaSpan(field: MetaField, mention: Mention): Span {
  const span = toSpan(mention);
  return {
    ...span,
    id: spanId(`metaEntities:${field.field}${field.index}`, span.start, span.end, span.label),
    attrs: {
      ...span.attrs,
      field: field.field,
      index: field.index,
      text: field.text.slice(mention.start, mention.end),
    },
  };
}

function toSpan(mention: Mention): Span {
  const attrs: Record<string, string | string[]> = { entity: mention.canonical ?? '', rule: mention.rule };
  if (mention.roles.length > 0) attrs.roles = mention.roles;
  if (mention.honorifics && mention.honorifics.length > 0) attrs.honorifics = mention.honorifics;
  return makeSpan(
    'entities',
    mention.start,
    mention.end,
    mention.type,
    { ...ENTITIES_STAGE, rule: mention.rule },
    attrs,
  );
}
