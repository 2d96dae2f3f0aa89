/**
 * nlp/entities: adds `entities` (label PERSON|ORG|LOC|MISC, attrs.entity = canonical name within the
 * document, attrs.roles = titles and appositive roles, attrs.rule = how it was found). Requires
 * `sentences`.
 *
 * An averaged structured perceptron over BILOU tags (word, shape, affix, context, gazetteer and
 * document features; Viterbi decoding), trained by `lede train entities` on CoNLL-2003 train into
 * models/entities.json.gz, then: repetitions of a recognised name tagged across the document, titles
 * moved from names into roles, surnames/acronyms/`better known as` names resolved to full names.
 *
 * Known limits: trained on Reuters 1996, so ORG and MISC are weaker than PER and LOC; a surname
 * shared by two full names in one document stays unresolved; headlines are not in `doc.text`.
 *
 * Last measured (`LEDE_DATA=/work/shared/data npx tsx src/cli/main.ts eval entities`, CoNLL-2003 dev,
 * tagger + repetition tagging, not the news rules above): micro F1 0.9211 (P 0.9205, R 0.9217; PER
 * 0.9357, LOC 0.9541, ORG 0.8762, MISC 0.8905); capitalisation + lists baseline 0.6665. Tagging
 * 55.6k-65.4k tokens per CPU-second, model load 142-256 ms (45-50k and up to 2 s wall-clock when the
 * machine was loaded). The whole stage on 2,225 BBC articles: 61k tokens per CPU-second.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Doc, Span } from '../../model/index.js';
import { makeSpan } from '../../model/index.js';
import type { Stage } from '../../pipeline/stage.js';
import { resolveAliases } from './aliases.js';
import { loadNameTable } from './lists.js';
import { findMentions, type Mention } from './mentions.js';
import { type EntityModel, readEntityModel } from './model.js';
import { loadNameTables, type NameTables } from './name-lists.js';
import { ENTITY_DATA_DIR, ENTITY_MODEL_PATH } from './paths.js';

export { resolveAliases } from './aliases.js';
export type { Mention } from './mentions.js';
export { findMentions } from './mentions.js';
export { type EntityModel, readEntityModel } from './model.js';
export { countLeadingTitleWords, loadNameTables, type NameTables, nameKeyTokens } from './name-lists.js';
export { type Token, tokenize } from './tokenize.js';

export interface EntitiesOptions {
  /** The trained artifact; defaults to models/entities.json.gz. */
  modelPath?: string;
  /** Folder of titles.txt, particles.txt and aliases.tsv; defaults to data/entities. */
  dataDir?: string;
}

const STAGE = 'nlp/entities';
const VERSION = 3;

export function createEntitiesStage(options: EntitiesOptions = {}): Stage<'sentences', 'entities'> {
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
    produces: ['entities'],
    run: (doc: Readonly<Doc>) => {
      const { model, tables } = load();
      return { entities: recogniseEntities(doc.text, doc.layers.sentences ?? [], model, tables) };
    },
  };
}

export function recogniseEntities(
  text: string,
  sentences: readonly Span[],
  model: EntityModel,
  tables: NameTables,
): Span[] {
  const mentions = resolveAliases(text, findMentions(text, sentences, model, tables), tables);
  return mentions.map((mention) => toSpan(placeFacility(text, typeListedName(text, mention))));
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

const FACILITY_HEADS = readFileSync(join(ENTITY_DATA_DIR, 'facility-heads.txt'), 'utf8')
  .split('\n')
  .map((line) => line.trim().toLowerCase())
  .filter((line) => line && !line.startsWith('#'));
const FACILITY = new RegExp(`\\b(?:${FACILITY_HEADS.join('|')})$`, 'i');

/** A name ending in a facility word (`… International Airport`, `Ain al-Assad airbase`) is a place. */
function placeFacility(text: string, mention: Mention): Mention {
  if (mention.type === 'LOC' || mention.type === 'PERSON') return mention;
  const name = mention.canonical ?? text.slice(mention.start, mention.end);
  return FACILITY.test(name) ? { ...mention, type: 'LOC' } : mention;
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
