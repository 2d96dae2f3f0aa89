/**
 * link/identity: one record per real-world entity across the corpus, from documents' `entities`
 * layers and the `metaEntities` of their headlines and captions (pure functions over plain records;
 * the store persists them). Merging is conservative and explained (each record lists its evidence);
 * curation decisions are data re-applied on top. A demonym the stage left as itself (`Israeli`,
 * MISC) is a mention of its country (`models/demonyms.json`), so a country named only by its
 * people still has its record; a record's `fieldDocuments` are those naming it only in a headline
 * or caption.
 *
 * In the store: `rebuildIdentities(store)` reads every document's `entities` and `metaEntities`
 * layers (`Store.iterateLayer`), applies the `curation` table's decisions and saves the compact records as
 * the `identities` corpus state; `loadIdentities(store)` reads them back; `curateIdentities` records
 * a decision (refused, and not stored, when it names no entity or two) and rebuilds. Call
 * `rebuildIdentities` after every ingest or reprocess: nothing else keeps the state current.
 *
 * Known limits: a lone surname shared by two people in the corpus stays its own record; types are
 * taken by majority, so a tagger's systematic mistyping carries over. The state is one JSON value
 * (about 2 KB per document: 988 KB for 500 BBC articles, 62 MB for the 100,000 of the server
 * benchmark), re-read whole whenever it changes (the server then takes about 2 s to parse and index
 * it: `indexIdentities`), so past some ten thousand documents it should become a table.
 *
 * Last measured: `node bin/lede.js eval seeds` → entities 32 / 32 gold entities found with their
 * type and every alias the texts use merged into one record; Anbar (only in a caption) and Israel
 * (only `Israeli`) from their caption and demonym mentions, `al-Assad` joined to Ain al-Assad
 * airbase by the facility rule. Headline short forms the texts never use stay records of their own
 * (`Harakat al-Nujaba`, `Asa'ib`).
 */

export { parseAnnotatedEntities, parseDecisions } from './annotated-source.js';
export { buildIdentities, type Country, editDistance, type IdentityOptions } from './build-identities.js';
export {
  applyCuration,
  type CurationDecision,
  type CurationResult,
  describeDecision,
  findRecords,
} from './curation.js';
export { readDocEntities, readEntitySpans } from './doc-entities.js';
export { canonicalName, type IdentityIndex, indexIdentities } from './identity-index.js';
export { nameKey, skeletonKey, straightenApostrophes, transliterationSkeleton } from './name-keys.js';
export {
  describeEntity,
  type EntityDetail,
  type EntityFilter,
  type EntitySummary,
  type IdentityLike,
  listEntities,
  mentionCount,
} from './query.js';
export {
  type CurationOutcome,
  compactEvidence,
  curateIdentities,
  IDENTITIES_STATE,
  type IdentityState,
  loadIdentities,
  loadIdentityOptions,
  type RebuildOptions,
  rebuildIdentities,
  type StoredIdentity,
} from './store-identities.js';
export type { DocEntities, EntityRecord, Evidence, MentionRecord } from './types.js';
