import { createHash } from 'node:crypto';
import type { RawRecord } from '../ingest/index.js';
import { type Doc, identityMap } from '../model/index.js';
import { cleanHtml } from './html/index.js';
import { normaliseLine } from './lines.js';
import { readGivenDate } from './metadata/index.js';
import { cleanTextDump, type TextDumpOptions } from './text-dump/index.js';

export interface CleanOptions extends TextDumpOptions {
  /** Take plain text as already clean: returned unchanged, so offsets line up with the input's own. */
  asCleanText?: boolean;
}

/** Content hash of a record: its bytes, plus its external id so two records that share a text stay two documents. */
export function documentId(record: RawRecord): string {
  const hash = createHash('sha256');
  if (record.externalId !== undefined) hash.update(`${record.externalId}\u0000`);
  hash.update(record.bytes ?? record.content);
  return hash.digest('hex').slice(0, 32);
}

/** Turns a raw record into a document with clean text, offset map and metadata; hints fill what the content lacks. */
export function cleanRecord(record: RawRecord, options: CleanOptions = {}): Doc {
  const isHtml = record.mediaType.includes('html');
  let raw = record.content;
  let cleaned: ReturnType<typeof cleanTextDump>;
  if (isHtml) {
    const html = cleanHtml(record.content, { url: record.hints?.url });
    raw = html.extracted;
    cleaned = html;
  } else if (options.asCleanText) {
    cleaned = {
      text: raw,
      origin: identityMap(raw.length),
      meta: { sections: [], captions: [], subheads: [], boilerplate: [] },
      messages: [],
    };
  } else {
    cleaned = cleanTextDump(raw, { ...options, headline: record.hints?.title });
  }
  const meta = cleaned.meta;
  const hints = record.hints ?? {};
  if (hints.title) meta.headline ??= normaliseLine(hints.title);
  // A date the record gives beats one the cleaner only chose among the text's dates.
  if (hints.published && (!meta.published || meta.published.estimated)) {
    const value = readGivenDate(hints.published);
    if (value) meta.published = { value, estimated: false, from: 'hint' };
    else
      cleaned.messages.push({
        severity: 'warning',
        text: `${record.uri}: "published" ${JSON.stringify(hints.published)} names no calendar day; ignored`,
        ruleId: 'published-hint-invalid',
        actual: hints.published,
      });
  }
  if (hints.url) meta.canonicalUrl ??= hints.url;
  if (hints.outlet) meta.outlet ??= hints.outlet;
  if (hints.sections && meta.sections.length === 0) meta.sections = [...hints.sections];
  return {
    id: documentId(record),
    externalId: record.externalId,
    source: {
      uri: record.uri,
      mediaType: record.mediaType,
      fetchedAt: record.fetchedAt,
      charset: record.charset,
      charsetFrom: record.charsetFrom,
      hints: record.hints,
    },
    raw,
    text: cleaned.text,
    origin: cleaned.origin,
    meta,
    layers: {},
    messages: cleaned.messages,
  };
}
