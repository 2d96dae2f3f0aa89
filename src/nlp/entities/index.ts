/**
 * nlp/entities: adds `entities` (label PERSON|ORG|LOC|MISC, attrs.entity = canonical name within the
 * document, attrs.roles = titles and appositive roles, attrs.honorifics = `Mr`, `Dr`, `Sheikh` before
 * the name (forms of address, not roles), attrs.rule = how it was found), and
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
 * Last measured (`node bin/lede.js eval entities --mode all`, CoNLL-2003 dev): on CoNLL's own tokens
 * (tagger + repetition tagging, not the news rules above) micro F1 0.9211 (P 0.9205, R 0.9217; PER
 * 0.9357, LOC 0.9541, ORG 0.8762, MISC 0.8905); capitalisation + lists baseline 0.6665. Through `lede
 * annotate` (each document as text, tokens joined by spaces, a sentence a line; the whole stage):
 * 0.9249 on the gold that cleaning keeps (0.8670 counting the headlines, datelines and bylines
 * cleaning moves out of the text), 0.9241 with `--as-clean-text`. `--mode ablation` scores each step
 * of the stage on the same text. The facility-word rule gives `Batajnica airport` where CoNLL leaves a
 * lower-case `airport` out of the name. Tagging 55.6k-73.5k tokens per CPU-second, model load
 * 142-294 ms (45-50k and up to 2 s wall-clock when the machine was loaded). The whole stage on 2,225
 * BBC articles: 61k tokens per CPU-second; tagging each one's headline as well added 2-10% (800
 * articles three times, on a loaded machine).
 */
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
export { isTitleCase, type MetaField, recogniseDocumentEntities, recogniseEntities } from './recognise.js';
export { createEntitiesStage, type EntitiesOptions, metaFieldsOf } from './stage.js';
export { decodeBilou, encodeBilou, TAGS } from './tags.js';
export { type Token, tokenize, tokenizeName } from './tokenize.js';
