/**
 * nlp/entities: adds `entities` (label PERSON|ORG|LOC|MISC, attrs.entity = canonical name within the
 * document, attrs.roles = titles and appositive roles, attrs.rule = how it was found), and
 * `metaEntities`, the same for the headline and captions (offsets into that field, attrs.field,
 * attrs.index, attrs.text), tagged in the light of the text without changing its entities. Requires
 * `sentences`.
 *
 * An averaged structured perceptron over BILOU tags (word, shape, affix, context, gazetteer and
 * document features; Viterbi decoding), trained by `lede train entities` on CoNLL-2003 train into
 * models/entities.json.gz, then: repetitions of a recognised name tagged across the document, titles
 * moved from names into roles, surnames/acronyms/`better known as` names resolved to full names,
 * lower-case facility words taken into the name before them (`Ain al-Assad airbase`).
 *
 * Known limits: trained on Reuters 1996, so ORG and MISC are weaker than PER and LOC; a surname
 * shared by two full names in one document stays unresolved; in a title-case headline and at a
 * sentence start of a headline or caption only names the text uses or the lists know are kept.
 *
 * Last measured (`LEDE_DATA=/work/shared/data npx tsx src/cli/main.ts eval entities`, CoNLL-2003 dev,
 * tagger + repetition tagging, not the news rules above): micro F1 0.9211 (P 0.9205, R 0.9217; PER
 * 0.9357, LOC 0.9541, ORG 0.8762, MISC 0.8905); capitalisation + lists baseline 0.6665. The
 * facility-word rule applied to that output changes 2 spans and gives 0.9210 (CoNLL leaves a
 * lower-case `airport` out of the name: `Batajnica airport`). Tagging
 * 55.6k-65.4k tokens per CPU-second, model load 142-256 ms (45-50k and up to 2 s wall-clock when the
 * machine was loaded). The whole stage on 2,225 BBC articles: 61k tokens per CPU-second; tagging
 * each one's headline as well added 2-10% (800 articles three times, on a loaded machine).
 */
import { join } from 'node:path';
import { type Doc, makeSpan, type Span, type Stage, spanId } from '../../model/index.js';
import { splitSentences } from '../sentences/index.js';
import { resolveAliases } from './aliases.js';
import { gazetteerKey } from './gazetteer.js';
import { loadNameTable } from './lists.js';
import { findMentionsBeside, type Mention, type Passage } from './mentions.js';
import { type EntityModel, readEntityModel } from './model.js';
import { loadNameTables, type NameTables, nameKeyTokens } from './name-lists.js';
import { ENTITY_DATA_DIR, ENTITY_MODEL_PATH } from './paths.js';
import { tokenize } from './tokenize.js';

export { resolveAliases } from './aliases.js';
export { augmentWithArabicNames } from './augment.js';
export { tagByCapitalisation } from './baseline.js';
export { type ConllDocument, entitiesFromIob, readConll, type TokenEntity } from './conll.js';
export { harmoniseDocument } from './consistency.js';
export { collectDocumentStats } from './document-features.js';
export { sentenceFeatures } from './features.js';
export { buildGazetteer, type NameList } from './gazetteer.js';
export {
  buildDemonymFile,
  loadCountryLists,
  loadNameLines,
  loadNameTable,
  readDemonyms,
  readNameLines,
} from './lists.js';
export type { Mention } from './mentions.js';
export { findMentions } from './mentions.js';
export {
  type EntityModel,
  type EntityModelFile,
  extraFeatures,
  readEntityModel,
  splitOnSpaces,
  tagDocument,
  writeEntityModel,
} from './model.js';
export { countLeadingTitleWords, loadNameTables, type NameTables, nameKeyTokens } from './name-lists.js';
export { DEMONYMS_PATH, ENTITY_DATA_DIR, ENTITY_MODEL_PATH } from './paths.js';
export { PerceptronTrainer } from './perceptron.js';
export { decodeBilou, encodeBilou, TAGS } from './tags.js';
export { type Token, tokenize, tokenizeName } from './tokenize.js';

export interface EntitiesOptions {
  /** The trained artifact; defaults to models/entities.json.gz. */
  modelPath?: string;
  /** Folder of titles.txt, particles.txt and aliases.tsv; defaults to data/entities. */
  dataDir?: string;
}

const STAGE = 'nlp/entities';
const VERSION = 4;

export function createEntitiesStage(options: EntitiesOptions = {}): Stage<'sentences', 'entities' | 'metaEntities'> {
  let loaded: { model: EntityModel; tables: NameTables } | undefined;
  // Loaded on first use, once: building the default pipeline should not cost the model's load time.
  const load = () => {
    loaded ??= {
      model: readEntityModel(options.modelPath ?? ENTITY_MODEL_PATH),
      tables: loadNameTables(options.dataDir),
    };
    return loaded;
  };
  return {
    name: STAGE,
    version: VERSION,
    requires: ['sentences'],
    produces: ['entities', 'metaEntities'],
    run: (doc: Readonly<Doc>) => {
      const { model, tables } = load();
      return recogniseDocumentEntities(doc.text, doc.layers.sentences ?? [], metaFieldsOf(doc), model, tables);
    },
  };
}

/** A passage of the document outside its text: the headline, or one of its captions. */
export interface MetaField {
  field: 'headline' | 'caption';
  /** Which caption (`meta.captions[index]`); 0 for the headline. */
  index: number;
  text: string;
}

export function metaFieldsOf(doc: Readonly<Doc>): MetaField[] {
  const fields: MetaField[] = [];
  if (doc.meta.headline?.trim()) fields.push({ field: 'headline', index: 0, text: doc.meta.headline });
  doc.meta.captions.forEach((caption, index) => {
    if (caption.trim()) fields.push({ field: 'caption', index, text: caption });
  });
  return fields;
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
  const finish = (source: string, mention: Mention) => placeFacility(source, typeListedName(source, mention), tables);
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

/** Multi-word names of the curated list, by exact text: their type there is authoritative. */
const LISTED_TYPES = new Map(
  loadNameTable(join(ENTITY_DATA_DIR, 'names.tsv')).flatMap((list) =>
    ['PERSON', 'ORG', 'LOC', 'MISC'].includes(list.label)
      ? [...list.names]
          .filter((name) => name.includes(' '))
          .map((name) => [name, list.label as Mention['type']] as const)
      : [],
  ),
);

/**
 * The tagger weighs the list as one feature among many, so `in an interview with Al Arabiya` can still
 * come out PERSON; a curated multi-word name keeps its listed type.
 */
function typeListedName(text: string, mention: Mention): Mention {
  const listed = LISTED_TYPES.get(text.slice(mention.start, mention.end));
  return listed && listed !== mention.type ? { ...mention, type: listed } : mention;
}

/** A name ending in a facility word (`… International Airport`, `Ain al-Assad airbase`) is a place. */
function placeFacility(text: string, mention: Mention, tables: NameTables): Mention {
  if (mention.type === 'LOC' || mention.type === 'PERSON') return mention;
  const words = tokenize(mention.canonical ?? text.slice(mention.start, mention.end)).map((token) =>
    token.text.toLowerCase(),
  );
  const isFacility = tables.facilityHeads.some(
    (head) => head.length <= words.length && head.every((word, k) => words[words.length - head.length + k] === word),
  );
  return isFacility ? { ...mention, type: 'LOC' } : mention;
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
  return makeSpan(
    'entities',
    mention.start,
    mention.end,
    mention.type,
    { stage: STAGE, version: VERSION, rule: mention.rule },
    attrs,
  );
}
