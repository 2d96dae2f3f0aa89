import type { z } from 'zod';
import type * as api from '../../src/server/schemas.js';

/**
 * The API's response shapes, inferred from the zod schemas the server parses with and describes in
 * /api/openapi.json: one source for server, OpenAPI document and UI. The import is type-only, so no
 * schema code reaches the UI bundle.
 */
type Infer<Schema extends z.ZodType> = z.output<Schema>;

export type SearchPage = Infer<typeof api.SearchPageSchema>;
export type Count = SearchPage['facets']['outlets'][number];
export type Span = Infer<typeof api.SpanSchema>;
export type DocSummary = Infer<typeof api.DocSummarySchema>;
export type Doc = Infer<typeof api.DocumentSchema>;
export type SpanRecord = Infer<typeof api.SpanRecordSchema>;
export type QuoteRecord = Infer<typeof api.QuoteRecordSchema>;
export type DocRef = SpanRecord['doc'];
export type QuotePage = Infer<typeof api.QuotePageSchema>;
export type EntitySummary = Infer<typeof api.EntityListSchema>['entities'][number];
export type EntityList = Infer<typeof api.EntityListSchema>;
export type EntityProfile = Infer<typeof api.EntityProfileSchema>;
export type CurationResult = Infer<typeof api.CurationResultSchema>;
export type Stats = Infer<typeof api.StatsSchema>;
export type ClaimsPage = Infer<typeof api.ClaimsSchema>;
export type Claim = ClaimsPage['claims'][number];
export type Job = Infer<typeof api.JobSchema>;
export type QueueState = Infer<typeof api.QueueSchema>;
export type FramingReport = Infer<typeof api.FramingReportSchema>;
export type FramingExamples = Infer<typeof api.FramingExamplesSchema>;
export type DocumentFraming = Infer<typeof api.DocumentFramingSchema>;
export type Stories = Infer<typeof api.StoriesSchema>;
export type StoryDetail = Infer<typeof api.StoryDetailSchema>;
export type Duplicates = Infer<typeof api.DuplicatesSchema>;
export type Timeline = Infer<typeof api.TimelineSchema>;
