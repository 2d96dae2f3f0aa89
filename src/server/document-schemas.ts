import { z } from 'zod';

/** Documents, search, quotes and entities: requests, responses and the curation bodies. */

export const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
  .describe('YYYY, YYYY-MM or YYYY-MM-DD; inclusive');

export const DocFilterQuery = z.object({
  outlet: z.string().optional().describe('exact outlet name'),
  section: z.string().optional().describe('exact section name'),
  from: isoDate.optional(),
  to: isoDate.optional(),
  includeEstimated: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true')
    .describe(
      'true: count estimated dates (ranges from the contents, a story or a twin) in date bounds, month facets and date order; left out by default',
    ),
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
  entity: z
    .string()
    .max(300)
    .optional()
    .describe('only articles mentioning this entity (any of its names once identities are built)'),
  speaker: z.string().max(300).optional().describe('only articles quoting this speaker'),
  hasQuotes: z.enum(['true', 'false']).optional().describe('only articles with (true) or without (false) a quote'),
  language: z
    .string()
    .max(20)
    .optional()
    .describe('only articles in this language: ISO 639-1 code (en, de), und where it could not be told'),
});

const DateSortQuery = z
  .enum(['newest', 'oldest'])
  .default('newest')
  .describe('by stated publication date; undated documents come last either way');

export const QuotesQuerySchema = DocFilterQuery.extend(PageQuery.shape).extend({
  sort: DateSortQuery,
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
  sort: z
    .enum(['mentions', 'documents', 'name'])
    .default('mentions')
    .describe('mentions or documents: most first; name: alphabetical'),
});

export const TimelineQuerySchema = z.object({
  outlet: z.string().optional(),
  section: z.string().optional(),
  from: isoDate.optional().describe('earliest event date (YYYY, YYYY-MM or YYYY-MM-DD)'),
  to: isoDate.optional().describe('latest event date'),
  entity: z.string().max(300).optional().describe('only dates from documents that mention this entity'),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
  merged: z
    .enum(['true', 'false'])
    .optional()
    .describe('also return `merged`: one entry per event with every source (entity matched by substring)'),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .default(0)
    .describe('with merged=true: the first merged entry of the page (`limit` entries from there)'),
  zoom: z
    .enum(['year', 'month', 'day'])
    .default('year')
    .describe('with merged=true: the period `mergedPeriods` counts entries by'),
});

export const ExportQuerySchema = DocFilterQuery.extend({ format: z.enum(['jsonl', 'csv']).default('jsonl') });

const uploadName = z
  .string()
  // Not `.` or `..`: the name becomes a path inside the upload folder.
  .regex(/^(?!\.+$)[\w.-]{1,100}$/, 'letters, digits, dot, dash and underscore only, not only dots')
  .describe('a file name (its extension helps pick the reader): page.html, wire.jsonl, story.txt');

export const IngestQuerySchema = z.object({ name: uploadName.optional() });

export const IngestJobBody = z
  .object({
    files: z
      .array(z.object({ name: uploadName, base64: z.base64().describe("the file's bytes, base64") }))
      .max(100)
      .default([]),
    urls: z
      .array(z.url({ protocol: /^https?$/ }).max(2000))
      .max(100)
      .default([])
      .describe('pages or RSS/Atom feeds, fetched politely (robots.txt, rate limit); private addresses refused'),
  })
  .refine((body) => body.files.length + body.urls.length > 0, 'give at least one file or URL');

export const IdParams = z.object({ id: z.string().min(1).max(200) });
export const NameParams = z.object({ name: z.string().min(1).max(300) });

export const Count = z.object({ value: z.string(), count: z.number().int() });

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
  source: z.object({
    uri: z.string(),
    mediaType: z.string(),
    fetchedAt: z.string().optional(),
    charset: z.string().optional(),
    charsetFrom: z.string().optional(),
    hints: z
      .object({
        url: z.string().optional(),
        title: z.string().optional(),
        published: z.string().optional(),
        outlet: z.string().optional(),
        sections: z.array(z.string()).optional(),
        language: z.string().optional(),
      })
      .optional()
      .describe('what the container (a JSONL record) said of the document'),
  }),
  text: z.string().describe('the clean text; every span offset is a UTF-16 index into it'),
  meta: z.object({
    headline: z.string().optional(),
    byline: z.string().optional(),
    outlet: z.string().optional(),
    canonicalUrl: z.string().optional(),
    language: z
      .string()
      .optional()
      .describe('ISO 639-1 code (en, de, ko); und when too little text to tell; the language a record states wins'),
    declaredLanguage: z.string().optional().describe('the language the page declares (<html lang>), as written'),
    published: z
      .object({
        value: z.string(),
        estimated: z.boolean(),
        from: z.string().optional(),
        earliest: z.string().optional(),
        latest: z.string().optional(),
        confidence: z
          .number()
          .optional()
          .describe('estimated dates: the share of such estimates that held the true date on the development set'),
        evidence: z.array(z.string()).optional(),
      })
      .optional()
      .describe('an estimated date is a range (value `2004-11/2005-03`, earliest, latest), never a stated day'),
    sections: z.array(z.string()),
    captions: z.array(z.string()),
    subheads: z.array(z.string()).optional(),
    headlineQuotes: z
      .array(
        z.object({
          start: z.number().int(),
          end: z.number().int(),
          kind: z.string(),
          speakerStart: z.number().int().nullable(),
          speakerEnd: z.number().int().nullable(),
          speakerText: z.string().nullable(),
          cueLemma: z.string().nullable(),
        }),
      )
      .optional()
      .describe('quotes in the headline: offsets into meta.headline'),
    boilerplate: z.array(z.string()).describe('raw lines judged boilerplate'),
  }),
  layers: z.record(z.string(), z.array(SpanSchema)),
  messages: z.array(
    z.object({
      severity: z.enum(['error', 'warning', 'info']),
      text: z.string(),
      ruleId: z.string().optional(),
      start: z.number().int().optional().describe('offset into the raw input'),
      end: z.number().int().optional(),
      actual: z.string().optional(),
      source: z.string().optional().describe('the stage or reader that reported it'),
    }),
  ),
  versions: z.record(z.string(), z.string()).optional().describe('layer -> stage@version that produced it'),
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
      copyIds: z.array(z.string()).describe('the best-ranked 10 of those copies, best first'),
    }),
  ),
  facets: z
    .object({
      outlets: z.array(Count),
      sections: z.array(Count),
      months: z.array(Count).describe('YYYY-MM; filter with from=to=the month'),
      entities: z.array(Count).describe('identity names once identities are built, else the per-document names'),
      speakers: z.array(Count),
      hasQuotes: z.array(z.object({ value: z.enum(['true', 'false']), count: z.number().int() })),
      languages: z.array(Count).describe('ISO 639-1 codes, und where the language could not be told'),
    })
    .describe(
      'counts of articles; a collapsed near-duplicate group counts once in the total and once under each value its matching members have, so each count is the total its filter gives',
    ),
});

export const DocRefSchema = z.object({
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

export const QuoteRecordSchema = SpanRecordSchema.extend({
  speakerDescribed: z
    .boolean()
    .optional()
    .describe('the speaker is a description (`analysts`, `a spokesman`), not the name of an entity with a page'),
});

export const QuotePageSchema = z.object({
  total: z.number().int(),
  quotes: z.array(QuoteRecordSchema),
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
  total: z.number().int().optional().describe('entities matching, when known (once identities are built)'),
  more: z.boolean().describe('whether another page follows this one'),
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
