/** The API's response shapes, as the UI reads them (see /api/openapi.json). */

export interface Count {
  value: string;
  count: number;
}

export interface Span {
  id: string;
  start: number;
  end: number;
  label: string;
  attrs?: Record<string, unknown>;
  by: { stage: string; version: number; rule?: string; score?: number };
}

export interface DocSummary {
  id: string;
  uri: string;
  headline?: string;
  published?: string;
  publishedEstimated: boolean;
  outlet?: string;
  sections: string[];
  wordCount: number;
}

export interface SearchPage {
  total: number;
  hits: (DocSummary & { score: number; snippet: { text: string; hit: boolean }[] })[];
  facets: {
    outlets: Count[];
    sections: Count[];
    months: Count[];
    entities: Count[];
    speakers: Count[];
    hasQuotes: { value: 'true' | 'false'; count: number }[];
  };
}

export interface Doc {
  id: string;
  source: { uri: string; mediaType: string; fetchedAt?: string; charset?: string };
  text: string;
  meta: {
    headline?: string;
    byline?: string;
    outlet?: string;
    canonicalUrl?: string;
    language?: string;
    published?: {
      value: string;
      estimated: boolean;
      from?: string;
      earliest?: string;
      latest?: string;
      evidence?: string[];
    };
    sections: string[];
    captions: string[];
    subheads: string[];
    headlineQuotes?: { start: number; end: number; kind: string; speakerText: string | null }[];
  };
  layers: Record<string, Span[] | undefined>;
  messages: { severity: string; text: string; source?: string }[];
  ingestedAt: string;
}

export interface DocRef {
  id: string;
  headline?: string;
  outlet?: string;
  published?: string;
}

export interface SpanRecord {
  doc: DocRef;
  layer: string;
  spanId: string;
  start: number;
  end: number;
  label: string;
  key?: string;
  text: string;
}

export interface QuotePage {
  total: number;
  quotes: SpanRecord[];
  speakers: Count[];
}

export interface EntitySummary {
  name: string;
  type: string;
  mentions: number;
  documents: number;
}

export interface EntityProfile {
  name: string;
  types: Count[];
  surfaceForms: Count[];
  mentions: number;
  documents: number;
  byMonth: Count[];
  recentDocuments: DocRef[];
  quotesBy: SpanRecord[];
  quotesAbout: SpanRecord[];
  cooccurring: { name: string; type: string; documents: number }[];
  cooccurrenceWindow: number;
  /** The identity fields: present once corpus identities are built (curation needs them). */
  id?: string;
  aliases?: string[];
  variants?: string[];
  roles?: string[];
  evidence?: { rule: string; detail: string }[];
}

export interface CurationResult {
  recorded: true;
  description: string;
  entities: number;
}

export interface Stats {
  documents: number;
  words: number;
  outlets: Count[];
  earliest?: string;
  latest?: string;
  layers: { layer: string; spans: number }[];
}

export interface SourceRef {
  docId: string;
  name: string;
  headline?: string;
  outlet?: string;
  published?: string;
}

export interface Claim {
  kind: 'date' | 'figure';
  relation: 'conflict' | 'agreement';
  topic: string;
  note: string;
  evidence: { doc: string; start: number; end: number; text: string; value: string | number; source: SourceRef }[];
}

export interface ClaimsPage {
  available: boolean;
  computedAt?: string;
  documents: number;
  scope?: 'story' | 'corpus';
  total: number;
  claims: Claim[];
}

export interface Job {
  id: string;
  state: 'queued' | 'running' | 'linking' | 'done' | 'failed';
  done: number;
  total: number;
  failed: number;
  ingested: number;
  duplicates: number;
  inputs: string[];
  current?: string;
  createdAt: string;
  finishedAt?: string;
  error?: string;
  failures: { uri: string; reason: string }[];
  ids: string[];
  stored: DocRef[];
}

export interface OutletFraming {
  outlet: string;
  period: string;
  articles: number;
  words: number;
  spans: number;
  counts: Record<string, number>;
  perThousandWords: Record<string, number>;
}

export interface FramingReport {
  model: Record<string, number>;
  documents: number;
  withoutLayer: number;
  outlets: OutletFraming[];
}
