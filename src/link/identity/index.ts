/**
 * link/identity: one record per real-world entity across the corpus, from documents' `entities`
 * layers (pure functions over plain records; the store persists them). Merging is conservative and
 * explained (each record lists its evidence); curation decisions are data re-applied on top.
 *
 * In the store: `rebuildIdentities(store)` reads every document's `entities` layer
 * (`Store.iterateLayer`), applies the `curation` table's decisions and saves the compact records as
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
 * Last measured: `LEDE_DATA=/work/shared/data npx tsx src/cli/main.ts eval seeds` → entities 27 / 32
 * gold entities found with their type and every alias the texts use merged into one record. Misses:
 * Al Arabiya (tagged PERSON), Baghdad International Airport (ORG,
 * gold LOC), Ain al-Assad airbase (MISC), Israel and Anbar (no name of theirs in the clean texts:
 * only `Israeli`, and a caption).
 */

export { parseAnnotatedEntities, parseDecisions } from './annotated-source.js';
export { buildIdentities, editDistance, type IdentityOptions } from './build-identities.js';
export {
  applyCuration,
  type CurationDecision,
  type CurationResult,
  describeDecision,
  findRecords,
} from './curation.js';
export { readDocEntities, readEntitySpans } from './doc-entities.js';
export { type IdentityIndex, indexIdentities } from './identity-index.js';
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
  type RebuildOptions,
  rebuildIdentities,
  type StoredIdentity,
} from './store-identities.js';
export type { DocEntities, EntityRecord, Evidence, MentionRecord } from './types.js';
