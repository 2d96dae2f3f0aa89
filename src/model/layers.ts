import type { Span } from './span.js';

/**
 * Every layer a stage may produce, by name. This is the one file to read to learn the data model.
 *
 * - sentences: label `S`; one span per sentence.
 * - paragraphs: label `P`; one span per paragraph of the clean text.
 * - tokens: label is the token class (`word`, `number`, `punct`).
 * - entities: label `PERSON|ORG|LOC|MISC`; attrs.entity is the canonical name within the document.
 * - quotes: label `direct|partial|indirect|scare`; attrs.speaker (mention span id or null),
 *   attrs.speakerName, attrs.cue (span id), attrs.speakerStart/End, attrs.cueStart/End, attrs.medium, attrs.date.
 * - timexes: label `DATE|TIME|DURATION|SET`; attrs.value is the TIMEX3 value.
 * - figures: label `FIGURE`; attrs.value (number), attrs.unit (what it counts).
 * - events: label `EVENT`; attrs.date, attrs.what, attrs.who, attrs.where.
 * - loaded: label is the SemEval-2020 Task 11 technique; attrs.score, attrs.explanation.
 */
export const LAYER_NAMES = [
  'paragraphs',
  'sentences',
  'tokens',
  'entities',
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
