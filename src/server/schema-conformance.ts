import type { z } from 'zod';
import type { FramingReport } from '../pipeline/index.js';
import type { StoryDetail } from '../query/index.js';
import type {
  DocSummary,
  EntityProfile,
  EntitySummary,
  QuotePage,
  SearchPage,
  SpanRecord,
  StoredDoc,
  StoreStats,
} from '../store/index.js';
import type { Job } from './jobs.js';
import type * as api from './schemas.js';

/**
 * The zod schemas are the one source of the API's shapes: the server parses requests with them,
 * the OpenAPI document is made from them, and the web UI infers its types from them
 * (`web/src/types.ts`). The store returns its own records; these checks make `tsc` fail as soon as
 * a record the server sends no longer fits the schema that documents it. Nothing here runs.
 */
type Fits<Actual, Schema extends z.ZodType> = [Actual] extends [z.output<Schema>] ? true : false;
type Holds<Check extends true> = Check;

export type ResponsesFitTheirSchemas = [
  Holds<Fits<DocSummary, typeof api.DocSummarySchema>>,
  Holds<Fits<Omit<StoredDoc, 'raw' | 'origin'>, typeof api.DocumentSchema>>,
  Holds<Fits<SearchPage, typeof api.SearchPageSchema>>,
  Holds<Fits<SpanRecord, typeof api.SpanRecordSchema>>,
  Holds<Fits<QuotePage, typeof api.QuotePageSchema>>,
  Holds<Fits<{ more: boolean; entities: EntitySummary[] }, typeof api.EntityListSchema>>,
  Holds<Fits<EntityProfile, typeof api.EntityProfileSchema>>,
  Holds<Fits<StoreStats, typeof api.StatsSchema>>,
  Holds<Fits<StoryDetail, typeof api.StoryDetailSchema>>,
  Holds<Fits<FramingReport, typeof api.FramingReportSchema>>,
  Holds<Fits<Job, typeof api.JobSchema>>,
];
