import type { LayerMap } from './layers.js';
import type { Message } from './message.js';
import type { OffsetMap } from './offsets.js';
import type { StageOutput } from './outputs.js';

/** Where a document came from. */
export interface DocSource {
  /** File path, URL, or `archive.warc.gz#record-uri` for records inside a container. */
  uri: string;
  /** What the reader found: text/plain, text/html, application/rss+xml, ... */
  mediaType: string;
  fetchedAt?: string;
  /** Character set the bytes were decoded with, and how it was decided (bom, header, meta, detected, default). */
  charset?: string;
  charsetFrom?: string;
  /** What the container said of the document (a JSONL record's title, url, date), kept to reprocess it. */
  hints?: RecordHints;
}

/** A date with what supports it; `estimated` marks a date inferred from the contents rather than stated. */
export interface DatedValue {
  /** ISO 8601: `2023-02-13`, `2023-02-13T11:41`, `2023-02`. */
  value: string;
  estimated: boolean;
  /** Where it was read: `dateline`, `meta:article:published_time`, `json-ld`, `url`, `hint`, ... */
  from?: string;
  /** Interval for estimated dates. */
  earliest?: string;
  latest?: string;
  /** For estimated dates: the share of estimates of this kind whose true date fell inside the interval on a dev set. */
  confidence?: number;
  evidence?: string[];
}

/** Metadata read by clean/. Every string is as it appears in the input, normalised to NFC. */
export interface DocMeta {
  headline?: string;
  published?: DatedValue;
  byline?: string;
  sections: string[];
  outlet?: string;
  canonicalUrl?: string;
  /**
   * The document's language as a lower-case ISO 639 code (`en`, `de`), `und` when it cannot be told;
   * computed by the language stage from what the record states, else the text.
   */
  language?: string;
  /** The language the page declares (`<html lang>`, content-language), read by clean/; often a site-wide template value. */
  declaredLanguage?: string;
  captions: string[];
  subheads: string[];
  /** Raw lines judged boilerplate (breadcrumbs, share buttons, footers, date headers). */
  boilerplate: string[];
  /**
   * Quotes in the headline (`US an enemy, no place for Americans in Iraq: Harakat al-Nujaba`), with
   * offsets into `headline`: the headline is not part of `text`, so these are not spans of a layer.
   */
  headlineQuotes?: {
    start: number;
    end: number;
    kind: string;
    speakerStart: number | null;
    speakerEnd: number | null;
    speakerText: string | null;
    cueLemma: string | null;
  }[];
}

/** What a container says of a record beside its content: a JSONL record's fields, a feed item's link and date. */
export interface RecordHints {
  url?: string;
  title?: string;
  published?: string;
  outlet?: string;
  sections?: string[];
  /** The language the record states (JSONL `lang` or `language`). */
  language?: string;
}

/** One document and everything known about it. Stages add layers; nothing rewrites `text` after clean/. */
export interface Doc {
  /** Content hash of the raw bytes: the same bytes twice are one document. */
  id: string;
  /** The id a JSONL record carried, kept so every JSON output names documents by it. */
  externalId?: string;
  source: DocSource;
  /** The decoded input as received (NFC), before any cleaning. */
  raw: string;
  /** Clean main text without the headline; paragraphs are separated by a blank line. */
  text: string;
  /** text offset -> raw offset. */
  origin: OffsetMap;
  meta: DocMeta;
  layers: Partial<LayerMap>;
  /**
   * `stage@version` that produced each layer or metadata field (`meta.published`), stamped by the
   * runner (an empty layer or a field left unset has one too).
   */
  versions?: Partial<Record<StageOutput, string>>;
  messages: Message[];
}

export function emptyMeta(): DocMeta {
  return { sections: [], captions: [], subheads: [], boilerplate: [] };
}

/** `DatedValue.from` of an estimate made from the text, which tells it from a date read or inherited. */
export const ESTIMATED_FROM_CONTENTS = 'contents';

/**
 * The date lists, orders and references show: a stated one. An estimate is a range with its evidence,
 * shown on the document's own page and counted elsewhere only when a caller asks for estimates.
 */
export function statedPublished(meta: Pick<DocMeta, 'published'>): string | undefined {
  return meta.published && !meta.published.estimated ? meta.published.value : undefined;
}

/**
 * The date stages may count from: any but the contents estimate, which is made last from what those
 * stages find (and is too wide to anchor `on Sunday`). A reprocessed document still carries its old
 * estimate; reading it through here keeps a refresh equal to a fresh analysis.
 */
export function anchoringPublished(meta: Pick<DocMeta, 'published'>): DatedValue | undefined {
  return meta.published?.from === ESTIMATED_FROM_CONTENTS ? undefined : meta.published;
}
