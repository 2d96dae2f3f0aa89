import type { Span } from './span.js';

/**
 * Every layer a stage may produce, by name. This is the one file to read to learn the data model.
 *
 * - paragraphs: label `P`; one span per paragraph of the clean text.
 * - sentences: label `S`; one span per sentence.
 * - tokens: label is the token class (`word`, `number`, `punct`); not produced by the default pipeline.
 * - entities: label `PERSON|ORG|LOC|MISC`; attrs.entity is the canonical name within the document,
 *   attrs.roles the titles and appositive roles read around it, attrs.honorifics the forms of address
 *   before it (`Mr`, `Dr`, `Sheikh`; titles, not roles), attrs.rule the rule that found it.
 * - metaEntities: the same for the headline and captions, which are not part of `text`: the one layer
 *   whose offsets point elsewhere, into `meta.headline` (attrs.field `headline`) or
 *   `meta.captions[attrs.index]` (attrs.field `caption`); attrs.text is the evidence. attrs.entity is
 *   the name the document's text uses for it when the text names it too.
 * - quotes: label `direct|partial|indirect|scare` (the span excludes quotation marks); attrs.speakerStart,
 *   speakerEnd, speakerText (the mention: `he`, `the IRCC`), speakerName (resolved), speaker (the id of the
 *   entity span the mention overlaps, or null), cueStart, cueEnd, cueLemma, medium (+Start/End),
 *   date (the phrase, +Start/End) and dateValue (TIMEX3, when the timexes layer ran first).
 * - timexes: label `DATE|TIME|DURATION|SET`; attrs.value is the TIMEX3 value, attrs.mod and attrs.anchor
 *   say how it was resolved.
 * - figures: label `FIGURE`; attrs.value (number), attrs.unit (what it counts), attrs.approximate.
 * - events: label `EVENT` over the sentence; attrs.date, attrs.what, attrs.who, attrs.where, attrs.dating.
 * - loaded: label is the SemEval-2020 Task 11 technique; attrs.score, attrs.explanation.
 */
export const LAYER_NAMES = [
  'paragraphs',
  'sentences',
  'tokens',
  'entities',
  'metaEntities',
  'quotes',
  'timexes',
  'figures',
  'events',
  'loaded',
] as const;

export type LayerName = (typeof LAYER_NAMES)[number];

export type LayerMap = Record<LayerName, Span[]>;

export const ENTITY_TYPES = ['PERSON', 'ORG', 'LOC', 'MISC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const QUOTE_KINDS = ['direct', 'partial', 'indirect', 'scare'] as const;
export type QuoteKind = (typeof QUOTE_KINDS)[number];

export const TIMEX_TYPES = ['DATE', 'TIME', 'DURATION', 'SET'] as const;
export type TimexType = (typeof TIMEX_TYPES)[number];

export function isLayerName(name: string): name is LayerName {
  return (LAYER_NAMES as readonly string[]).includes(name);
}
