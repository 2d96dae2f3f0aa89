import { z } from 'zod';

/**
 * Request and response shapes of the API. Requests are parsed with these schemas; responses are
 * described by them in the OpenAPI document, and the server tests parse real responses with them so
 * the document cannot drift from what the server sends.
 */

const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
  .describe('YYYY, YYYY-MM or YYYY-MM-DD; inclusive');

export const DocFilterQuery = z.object({
  outlet: z.string().optional().describe('exact outlet name'),
  section: z.string().optional().describe('exact section name'),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const SearchQuerySchema = DocFilterQuery.extend(PageQuery.shape).extend({
  q: z
    .string()
    .min(1, 'a query is required')
    .max(500)
    .describe('words (all must match), "quoted phrases", prefix* terms, OR and NOT'),
});

export const QuotesQuerySchema = DocFilterQuery.extend(PageQuery.shape).extend({
  speaker: z.string().max(300).optional().describe("speaker's canonical name (attrs.speakerName)"),
  entity: z.string().max(300).optional().describe('only quotes whose text mentions this entity'),
});

export const EntitiesQuerySchema = PageQuery.extend({
  q: z
    .string()
    .max(300)
    .optional()
    .describe('prefix of the name (or of an alias, once identities are built), case-insensitive'),
  type: z.enum(['PERSON', 'ORG', 'LOC', 'MISC']).optional(),
});

export const TimelineQuerySchema = z.object({
  outlet: z.string().optional(),
  section: z.string().optional(),
  from: isoDate.optional().describe('earliest event date (YYYY, YYYY-MM or YYYY-MM-DD)'),
  to: isoDate.optional().describe('latest event date'),
  entity: z.string().max(300).optional().describe('only dates from documents that mention this entity'),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});

export const ExportQuerySchema = DocFilterQuery.extend({ format: z.enum(['jsonl', 'csv']).default('jsonl') });

export const IngestQuerySchema = z.object({
  name: z
    .string()
    .regex(/^[\w.-]{1,100}$/, 'letters, digits, dot, dash and underscore only')
    .optional()
    .describe('a file name for the body (its extension helps pick the reader): page.html, wire.jsonl, story.txt'),
});

export const IdParams = z.object({ id: z.string().min(1).max(200) });
export const NameParams = z.object({ name: z.string().min(1).max(300) });

const Count = z.object({ value: z.string(), count: z.number().int() });

export const ErrorResponse = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export const DocSummarySchema = z.object({
  id: z.string(),
  externalId: z.string().optional(),
  uri: z.string(),
  headline: z.string().optional(),
  published: z.string().optional(),
  publishedEstimated: z.boolean(),
  outlet: z.string().optional(),
  sections: z.array(z.string()),
  wordCount: z.number().int(),
});

export const SpanSchema = z.object({
  id: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  label: z.string(),
  attrs: z.record(z.string(), z.unknown()).optional(),
  by: z.object({
    stage: z.string(),
    version: z.number(),
    rule: z.string().optional(),
    score: z.number().optional(),
  }),
});

export const DocumentSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  ingestedAt: z.string(),
  externalId: z.string().optional(),
  source: z.object({ uri: z.string(), mediaType: z.string() }).loose(),
  text: z.string().describe('the clean text; every span offset is a UTF-16 index into it'),
  meta: z
    .object({
      headline: z.string().optional(),
      published: z
        .object({ value: z.string(), estimated: z.boolean(), from: z.string().optional() })
        .loose()
        .optional(),
      sections: z.array(z.string()),
      captions: z.array(z.string()),
    })
    .loose(),
  layers: z.record(z.string(), z.array(SpanSchema)),
  messages: z.array(z.object({ severity: z.string(), text: z.string() }).loose()),
});

export const SearchPageSchema = z.object({
  total: z.number().int(),
  hits: z.array(
    DocSummarySchema.extend({
      score: z.number(),
      snippet: z
        .array(z.object({ text: z.string(), hit: z.boolean() }))
        .describe('plain text pieces; render as text, never as HTML'),
      copies: z.number().int().describe('near-duplicates of this hit that also matched, collapsed into it'),
      copyIds: z.array(z.string()),
    }),
  ),
  facets: z.object({ outlets: z.array(Count), sections: z.array(Count), months: z.array(Count) }),
});

const DocRefSchema = z.object({
  id: z.string(),
  headline: z.string().optional(),
  outlet: z.string().optional(),
  published: z.string().optional(),
});

export const SpanRecordSchema = z.object({
  doc: DocRefSchema,
  layer: z.string(),
  spanId: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  label: z.string(),
  key: z.string().optional(),
  text: z.string(),
});

export const QuotePageSchema = z.object({
  total: z.number().int(),
  quotes: z.array(SpanRecordSchema),
  speakers: z.array(Count),
});

const EvidenceSchema = z.object({ rule: z.string(), detail: z.string() });

/** Present when corpus identities have been built (`lede entities --rebuild`, or after ingest). */
const IdentityFields = {
  id: z.string().optional().describe('identity id: TYPE:canonical name'),
  aliases: z.array(z.string()).optional(),
  variants: z.array(z.string()).optional().describe('aliases that are spellings of the name'),
  roles: z.array(z.string()).optional(),
};

export const EntityListSchema = z.object({
  /** `identities`: one row per real-world entity; `index`: per-document names (identities not built yet). */
  source: z.enum(['identities', 'index']).optional(),
  entities: z.array(
    z.object({
      name: z.string(),
      type: z.string(),
      mentions: z.number().int(),
      documents: z.number().int(),
      ...IdentityFields,
    }),
  ),
});

export const EntityProfileSchema = z.object({
  name: z.string(),
  types: z.array(Count),
  surfaceForms: z.array(Count),
  mentions: z.number().int(),
  documents: z.number().int(),
  byMonth: z.array(Count),
  recentDocuments: z.array(DocRefSchema),
  quotesBy: z.array(SpanRecordSchema),
  quotesAbout: z.array(SpanRecordSchema),
  cooccurring: z.array(z.object({ name: z.string(), type: z.string(), documents: z.number().int() })),
  cooccurrenceWindow: z.number().int(),
  ...IdentityFields,
  evidence: z.array(EvidenceSchema).optional().describe('why its names were taken for one entity'),
  documentIds: z.array(z.string()).optional(),
});

const note = z.string().max(1000).optional().describe('why (kept with the decision)');
const entityName = z.string().min(1).max(300);

export const EntityMergeBody = z.object({ into: entityName, from: entityName, note });
export const EntitySplitBody = z.object({ entity: entityName, alias: entityName, note });
export const EntityRenameBody = z.object({ entity: entityName, name: entityName, note });
export const EntityAliasBody = z.object({
  entity: entityName,
  alias: entityName,
  action: z.enum(['add', 'remove']),
  note,
});

export const CurationResultSchema = z.object({
  recorded: z.literal(true),
  decision: z.record(z.string(), z.unknown()),
  description: z.string(),
  entities: z.number().int().describe('identities after the rebuild'),
});

export const TimelineSchema = z.object({ entries: z.array(SpanRecordSchema.extend({ date: z.string() })) });

export const StoriesSchema = z.object({
  available: z.boolean(),
  message: z.string(),
  stories: z.array(z.object({ id: z.string(), members: z.array(DocRefSchema) })),
});

export const StatsSchema = z.object({
  documents: z.number().int(),
  words: z.number().int(),
  outlets: z.array(Count),
  mediaTypes: z.array(Count),
  failures: z.number().int(),
  earliest: z.string().optional(),
  latest: z.string().optional(),
  layers: z.array(z.object({ layer: z.string(), spans: z.number().int() })),
});

export const IngestResultSchema = z.object({
  ingested: z.number().int(),
  duplicates: z.number().int(),
  failed: z.number().int(),
  ids: z.array(z.string()),
  failures: z.array(z.object({ uri: z.string(), reason: z.string() })),
});
