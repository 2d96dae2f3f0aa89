import { z } from 'zod';
import type { StoriesSort, StoryPageQuery } from '../query/index.js';
import { Count, DocFilterQuery, DocRefSchema, isoDate, PageQuery, SpanRecordSchema } from './document-schemas.js';

/** Corpus results (timeline, stories, statements, claims, framing), stats, ingest and jobs. */

const SourceRefSchema = z.object({
  docId: z.string(),
  name: z.string().describe('external id or file name'),
  headline: z.string().optional(),
  outlet: z.string().optional(),
  published: z.string().optional(),
});
export const MergedTimelineEntrySchema = z.object({
  date: z.string().describe('TIMEX3 value'),
  shown: z.string().describe('the date as people write it: 24:00 is the next day 00:00'),
  what: z.string(),
  who: z.array(z.string()),
  where: z.array(z.string()),
  sources: z.array(
    z.object({
      doc: z.string(),
      start: z.number().int(),
      end: z.number().int(),
      text: z.string(),
      date: z.string(),
      source: SourceRefSchema,
    }),
  ),
});

export const TimelineSchema = z.object({
  entries: z.array(SpanRecordSchema.extend({ date: z.string() })),
  merged: z
    .array(z.lazy(() => MergedTimelineEntrySchema))
    .optional()
    .describe('with merged=true: the page of events merged across documents, in date order'),
  mergedTotal: z.number().int().optional().describe('with merged=true: merged entries in all pages'),
  mergedPeriods: z
    .array(z.object({ period: z.string(), count: z.number().int() }))
    .optional()
    .describe('with merged=true: merged entries per period (by `zoom`) over all pages, in date order'),
});

const DatesSchema = z.object({ first: z.string(), last: z.string() });

// Spelled out, not imported: the web bundle imports these schemas and must not pull in the query layer.
const STORIES_SORTS = ['size', 'newest', 'oldest'] as const satisfies readonly StoriesSort[];

export const StoriesQuerySchema = z.object({
  outlet: z.string().max(300).optional().describe('only stories with a document from this outlet'),
  entity: z
    .string()
    .max(300)
    .optional()
    .describe('only stories with an article that mentions this entity (any of its names)'),
  from: isoDate.optional().describe('only dated stories reaching into this period: its earliest date'),
  to: isoDate.optional().describe('its latest date'),
  minMembers: z.coerce.number().int().min(1).max(100_000).optional().describe('only stories of at least N documents'),
  sort: z
    .enum(STORIES_SORTS)
    .default('size')
    .describe('size: most documents first; newest / oldest: by last / first date, undated stories last'),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const StoriesSchema = z.object({
  available: z.boolean(),
  message: z.string(),
  total: z.number().int().describe('stories matching the filter; `stories` is the page from offset'),
  stories: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      dates: DatesSchema.optional(),
      outlets: z.array(z.string()),
      size: z.number().int().describe('documents in the story'),
      members: z
        .array(DocRefSchema)
        .describe('its 10 most recent documents, oldest first; the story page pages through all'),
    }),
  ),
});

const WordPartSchema = z.object({ text: z.string(), kind: z.enum(['same', 'added', 'removed']) });

const VersionSchema = z.object({
  older: z.string(),
  newer: z.string(),
  summary: z.string(),
  diff: z.object({
    headline: z.object({ before: z.string(), after: z.string(), parts: z.array(WordPartSchema) }).optional(),
    paragraphs: z.array(
      z.union([
        z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() }),
        z.object({
          kind: z.literal('changed'),
          before: z.string(),
          after: z.string(),
          parts: z.array(WordPartSchema),
        }),
      ]),
    ),
    counts: z.object({ same: z.number(), added: z.number(), removed: z.number(), changed: z.number() }),
  }),
});

export const DuplicatesQuerySchema = z.object({
  kind: z.enum(['exact', 'near']).optional().describe('exact copies or near-duplicates (edited versions) only'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const DuplicatesSchema = z.object({
  available: z.boolean(),
  message: z.string(),
  total: z.number().int().describe('groups matching the filter; `groups` is the page from offset, largest first'),
  groups: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['exact', 'near']),
      members: z.array(DocRefSchema).describe('in date order'),
      versions: z.array(VersionSchema).describe('each member against the one before it'),
    }),
  ),
});

const STORY_MEMBER_ORDERS = ['oldest', 'newest'] as const satisfies readonly NonNullable<StoryPageQuery['order']>[];
/** The query layer's STORY_PAGE_SIZE, written out: the web UI imports these schemas, not the query layer. */
const STORY_PAGE_SIZE = 20;

export const StoryQuerySchema = z.object({
  order: z
    .enum(STORY_MEMBER_ORDERS)
    .default('oldest')
    .describe('members by date: oldest (undated first) or newest first'),
  limit: z.coerce.number().int().min(1).max(100).default(STORY_PAGE_SIZE),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const MemberReasonSchema = z
  .object({
    names: z.array(z.string()),
    words: z.array(z.string()),
    numbers: z.array(z.string()),
    dates: z.array(z.string()),
    quotedWords: z.number().int().describe('three-word runs of quoted speech it shares'),
    weak: z.boolean().describe('shares fewer than three terms with the rest: worth a second look'),
  })
  .describe("what the member shares with the story's other members (a sample of 200 in a large story)");

export const StoryDetailSchema = z.object({
  id: z.string(),
  label: z.string(),
  dates: DatesSchema.optional(),
  outlets: z.array(z.string()),
  total: z.number().int().describe('documents in the story; `members` is the page from offset'),
  offset: z.number().int(),
  limit: z.number().int(),
  order: z.enum(STORY_MEMBER_ORDERS),
  members: z.array(
    DocRefSchema.extend({
      externalId: z.string().optional(),
      duplicateGroup: z.string().optional(),
      why: MemberReasonSchema.optional(),
    }),
  ),
  versions: z
    .array(VersionSchema)
    .describe(
      "each member on the page against the version of its article before it; when asked by a document's id, that document against the versions either side",
    ),
  quotes: z
    .array(
      z.object({
        docId: z.string(),
        start: z.number().int(),
        text: z.string(),
        speaker: z.string().optional().describe('resolved name, else the words naming the speaker'),
      }),
    )
    .describe("quotes in the page's articles, in page order (the first 100)"),
  entities: z
    .array(z.object({ name: z.string(), type: z.string(), documents: z.number().int() }))
    .describe('the 30 names all its articles (not only the page) mention most, with the number of articles each is in'),
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

export const StatementsQuerySchema = z.object({
  speaker: z.string().max(300).optional().describe("speaker's resolved name, case-insensitive"),
  about: z.string().max(300).optional().describe('only statements whose words mention this name'),
  outlet: z.string().optional().describe('only sources from this outlet'),
  from: isoDate.optional().describe('earliest source date (the date spoken when resolved, else publication)'),
  to: isoDate.optional().describe('latest source date'),
  minSources: z.coerce.number().int().min(1).max(1000).optional().describe('reported by at least N documents'),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const StatementSourceSchema = SourceRefSchema.extend({
  spanId: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  kind: z.string().describe('direct, partial or indirect'),
  text: z.string().describe('the quote: doc.text.slice(start, end)'),
  speakerName: z.string().optional(),
  speakerMention: z.string().optional().describe('the words naming the speaker (he, the IRCC)'),
  cue: z.string().optional(),
  medium: z.string().optional(),
  date: z.string().optional().describe('when the words were spoken: TIMEX3 value, or the phrase'),
  sentence: z.string().describe('the sentence the quote sits in'),
});

export const StatementPageSchema = z.object({
  available: z.boolean(),
  computedAt: z.string().optional(),
  total: z.number().int(),
  statements: z.array(
    z.object({
      key: z.string(),
      speakerName: z.string().optional(),
      wordings: z.array(z.string()).describe('distinct normalised wordings, longest first'),
      documents: z.number().int(),
      sources: z.array(StatementSourceSchema),
    }),
  ),
});

export const ClaimsQuerySchema = z.object({
  kind: z.enum(['date', 'figure']).optional(),
  relation: z.enum(['conflict', 'agreement']).optional(),
  story: z.string().max(100).optional().describe('only claims with evidence from an article of this story'),
  sort: z
    .enum(['conflicts', 'sources', 'newest', 'topic'])
    .default('conflicts')
    .describe(
      'conflicts first (as computed); sources: most articles first; newest: latest stated publication date of the evidence, undated last; topic: alphabetical',
    ),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const ClaimsSchema = z.object({
  available: z.boolean().describe('false until the claims are computed (after ingest, or `lede claims --refresh`)'),
  computedAt: z.string().optional(),
  documents: z.number().int(),
  scope: z.enum(['story', 'corpus']).optional().describe('documents compared within story clusters or corpus-wide'),
  total: z.number().int().describe('claims matching kind and relation; `claims` is the page from offset'),
  claims: z.array(
    z.object({
      kind: z.enum(['date', 'figure']),
      relation: z.enum(['conflict', 'agreement']),
      topic: z.string(),
      note: z.string(),
      why: z
        .object({ subject: z.string(), measure: z.string(), time: z.string().optional() })
        .optional()
        .describe('what the statements share, so were compared: subject, measure, time'),
      evidence: z.array(
        z.object({
          doc: z.string(),
          start: z.number().int().describe('the sentence that states it'),
          end: z.number().int(),
          text: z.string().describe('the whole sentence'),
          value: z.union([z.string(), z.number()]),
          mark: z
            .object({ start: z.number().int(), end: z.number().int() })
            .optional()
            .describe('the date or figure inside the sentence (document offsets), to highlight'),
          subject: z.array(z.string()).optional(),
          measure: z.string().optional(),
          unit: z.string().optional(),
          time: z.string().optional(),
          qualifier: z.string().optional().describe('`more than`, `about`, `up to` ...'),
          source: SourceRefSchema,
        }),
      ),
    }),
  ),
});

export const JobSchema = z.object({
  id: z.string(),
  kind: z.literal('ingest'),
  state: z.enum(['queued', 'running', 'linking', 'done', 'failed']),
  done: z.number().int().describe('records handled: stored, duplicate or failed'),
  total: z.number().int().describe('records expected: counted first, raised when a URL turns out to hold more'),
  failed: z.number().int(),
  ingested: z.number().int(),
  queued: z
    .number()
    .int()
    .optional()
    .describe('records queued for lede worker processes (lede serve --queue), which store them later'),
  duplicates: z.number().int(),
  inputs: z.array(z.string()),
  current: z.string().optional().describe('the input being read'),
  linkStep: z
    .object({ step: z.string(), done: z.number().int().optional(), total: z.number().int().optional() })
    .optional()
    .describe('while linking: the step running and, while placing documents into stories, how many are placed'),
  linkedSteps: z.array(z.object({ step: z.string(), seconds: z.number() })).describe('linking steps finished'),
  createdAt: z.string(),
  finishedAt: z.string().optional(),
  error: z.string().optional().describe('why the whole job stopped'),
  failures: z.array(z.object({ uri: z.string(), reason: z.string() })).describe('the first 50'),
  ids: z.array(z.string()).describe('documents stored (the first 200)'),
  stored: z.array(DocRefSchema).describe('the first 20 documents stored, with their headlines'),
});

/** Jobs finished in this window make the queue's rate; the ETA divides what is left by it. */
export const RATE_WINDOW_SECONDS = 300;

export const QueueSchema = z.object({
  available: z.boolean().describe('false on a SQLite store, which has no queue (every count is then 0)'),
  queued: z.number().int().describe('records waiting for a worker'),
  running: z.number().int().describe('records a worker has taken'),
  done: z.number().int(),
  failed: z.number().int().describe('records whose analysis failed every try'),
  perMinute: z
    .number()
    .describe(
      `records finished per minute over the last ${RATE_WINDOW_SECONDS / 60} minutes, or since the first of them finished when later`,
    ),
  etaSeconds: z
    .number()
    .nullable()
    .describe('queued and running records over the rate; null when nothing finished lately'),
  failures: z.array(z.object({ uri: z.string(), reason: z.string(), at: z.string() })).describe('the latest 10'),
});

export const JobListSchema = z.object({ jobs: z.array(JobSchema) });

const TechniqueRates = z.record(z.string(), z.number()).describe('technique name -> value');

export const ArticleFramingSchema = z.object({
  words: z.number().int(),
  spans: z.number().int(),
  counts: TechniqueRates,
  perThousandWords: TechniqueRates,
});

/** The framing model's cross-validated figures at its shipped thresholds. */
const FramingModelFigures = z
  .record(z.string(), z.number())
  .describe('siPrecision, siRecall, siF1, loadedPrecision, loadedRecall, loadedF1, techniqueMicroF1, techniqueMacroF1');

export const DocumentFramingSchema = ArticleFramingSchema.extend({ model: FramingModelFigures });

export const FramingQuerySchema = DocFilterQuery.omit({ section: true }).extend({
  byMonth: z.enum(['true', 'false']).optional().describe('one row per outlet and month of publication'),
});

export const FramingExamplesQuerySchema = DocFilterQuery.omit({ section: true })
  .extend(PageQuery.shape)
  .extend({
    technique: z
      .string()
      .max(100)
      .optional()
      .describe('one technique, as listed in `techniques` (e.g. Loaded_Language)'),
    sort: z.enum(['newest', 'oldest']).default('newest').describe('by stated publication date; undated last'),
  });

export const FramingExamplesSchema = z.object({
  total: z.number().int().describe('spans matching the filter and technique'),
  techniques: z.array(Count).describe('spans of each technique under the filter, whatever `technique` is'),
  examples: z.array(
    SpanRecordSchema.extend({
      sentence: z.string().describe('the sentence the span sits in (a window around it when the sentence is long)'),
      sentenceStart: z.number().int().describe("where `sentence` starts in the document's text"),
      explanation: z.string().optional().describe('why the model marked the span'),
      score: z.number().optional().describe("the model's score for the span, 0 to 1"),
    }),
  ),
});

export const FramingReportSchema = z.object({
  model: FramingModelFigures,
  documents: z.number().int(),
  withoutLayer: z.number().int().describe('documents with no loaded layer, left out'),
  outlets: z.array(
    ArticleFramingSchema.extend({
      outlet: z.string(),
      period: z.string().describe('YYYY-MM, or all'),
      articles: z.number().int(),
    }),
  ),
});
