import type { Doc, Span } from '../../model/index.js';

/**
 * What happened where, when and to whom, as a document's own layers say it: what tells two
 * different events of one kind apart when their reports share vocabulary (two earthquakes, two
 * shootings). Every part is read from the headline and lead, or from names the text repeats, since
 * background paragraphs recall earlier events of the same kind.
 */
export interface EventSignature {
  /** Days since 1970 of the publication date (when stated) and the full dates the lead states. */
  days: number[];
  /** Years of every absolute date the lead states (`2009`, `2009-04`, `2009-04-06`). */
  years: number[];
  /** Canonical LOC names. */
  places: string[];
  /** PERSON (by surname) and ORG names. */
  participants: string[];
  /** The people the headline and first sentence name, or else the person the text names most often (twice at least). */
  protagonists: string[];
  /** Figures of the lead as value and counted noun (`23 pirates`): tolls, magnitudes, amounts. */
  figures: string[];
  /** Content words of the headline and lead sentences (the trigger words among them). */
  lead: string[];
}

/** Sentences of the text counted as its lead, after the headline. */
const LEAD_SENTENCES = 3;

/** Mentions outside the lead a name needs to count as a participant or place of the event. */
const BODY_MENTIONS = 2;

const ABSOLUTE_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const WORD = /\p{L}[\p{L}\p{M}'’-]*\p{L}/gu;

/** Days since 1970 of an ISO date (its first 10 characters), NaN when there is none. */
export function dayNumber(date: string | undefined): number {
  return date ? Date.parse(date.slice(0, 10)) / 86_400_000 : Number.NaN;
}

function leadEnd(doc: Pick<Doc, 'text' | 'layers'>): number {
  const sentences = doc.layers.sentences;
  if (sentences && sentences.length > 0) return (sentences[Math.min(LEAD_SENTENCES, sentences.length) - 1] as Span).end;
  return Math.min(doc.text.length, 600);
}

function entityKey(span: Span, text: string): string {
  const name = String(span.attrs?.entity ?? span.attrs?.text ?? text.slice(span.start, span.end)).toLowerCase();
  // A person is named in full once and by surname after: the surname is what two reports share.
  return span.label === 'PERSON' ? (name.split(/\s+/).pop() ?? name) : name;
}

/** Names in the headline or lead, or repeated in the body. */
function keyNames(doc: Pick<Doc, 'text' | 'layers'>, labels: readonly string[], end: number): string[] {
  const lead = new Set<string>();
  const counts = new Map<string, number>();
  for (const span of doc.layers.metaEntities ?? [])
    if (labels.includes(span.label) && span.attrs?.field === 'headline') lead.add(entityKey(span, ''));
  for (const span of doc.layers.entities ?? []) {
    if (!labels.includes(span.label)) continue;
    const key = entityKey(span, doc.text);
    if (span.start < end) lead.add(key);
    else counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const [key, count] of counts) if (count >= BODY_MENTIONS) lead.add(key);
  return [...lead].filter((key) => key.length > 1).sort();
}

/** People the report is about: named up front, not in the background paragraphs. */
function protagonists(doc: Pick<Doc, 'text' | 'layers'>): string[] {
  const firstEnd = doc.layers.sentences?.[0]?.end ?? Math.min(doc.text.length, 200);
  const named = new Set<string>();
  for (const span of doc.layers.metaEntities ?? [])
    if (span.label === 'PERSON' && span.attrs?.field === 'headline') named.add(entityKey(span, ''));
  const counts = new Map<string, number>();
  for (const span of doc.layers.entities ?? []) {
    if (span.label !== 'PERSON') continue;
    const key = entityKey(span, doc.text);
    if (span.start < firstEnd) named.add(key);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (named.size === 0) {
    const [top] = [...counts].sort((a, b) => b[1] - a[1]);
    if (top && top[1] >= BODY_MENTIONS) named.add(top[0]);
  }
  return [...named].filter((key) => key.length > 1).sort();
}

export function extractEventSignature(
  doc: Pick<Doc, 'text' | 'meta' | 'layers'>,
  stopwords: ReadonlySet<string>,
): EventSignature {
  const end = leadEnd(doc);
  const days = new Set<number>();
  const years = new Set<number>();
  const published = doc.meta.published;
  if (published && !published.estimated) {
    const day = dayNumber(published.value);
    if (!Number.isNaN(day)) days.add(day);
  }
  for (const span of doc.layers.timexes ?? []) {
    if (span.label !== 'DATE' || span.start >= end || typeof span.attrs?.value !== 'string') continue;
    const match = ABSOLUTE_DATE.exec(span.attrs.value);
    if (!match) continue;
    years.add(Number(match[1]));
    if (match[3]) days.add(dayNumber(span.attrs.value));
  }
  for (const day of days) years.add(new Date(day * 86_400_000).getUTCFullYear());
  const figures = new Set<string>();
  for (const span of doc.layers.figures ?? []) {
    if (span.start >= end || typeof span.attrs?.value !== 'number') continue;
    const unit =
      String(span.attrs.unit ?? '')
        .toLowerCase()
        .match(WORD)
        ?.pop() ?? '';
    figures.add(`${span.attrs.value} ${unit}`);
  }
  const lead = new Set<string>();
  const leadText = `${doc.meta.headline ?? ''}\n${doc.text.slice(0, end)}`;
  for (const word of leadText.toLowerCase().match(WORD) ?? [])
    if (word.length > 2 && !stopwords.has(word)) lead.add(word);
  return {
    days: [...days].sort((a, b) => a - b),
    years: [...years].sort((a, b) => a - b),
    places: keyNames(doc, ['LOC'], end),
    participants: keyNames(doc, ['PERSON', 'ORG'], end),
    protagonists: protagonists(doc),
    figures: [...figures].sort(),
    lead: [...lead].sort(),
  };
}
