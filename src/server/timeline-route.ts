import { mergedTimelinePage, timelineMentions } from '../query/index.js';
import type { Store } from '../store/index.js';
import type { GetRoute } from './get-route.js';
import { TimelineQuerySchema, TimelineSchema } from './schemas.js';

export function registerTimelineRoute(get: GetRoute, store: Store): void {
  get(
    {
      path: '/api/timeline',
      summary: 'Dated expressions and events in date order, with their sources',
      tag: 'corpus',
      query: TimelineQuerySchema,
      response: TimelineSchema,
    },
    async (request) => {
      const { merged, offset, zoom, ...query } = TimelineQuerySchema.parse(request.query);
      const entries = await timelineMentions(store, query);
      if (merged !== 'true') return { entries };
      // Merged entries are read from the saved corpus state (computeTimeline after ingest): cheap.
      const { entity, from, to, limit } = query;
      const page = await mergedTimelinePage(store, { entity, from, to, limit, offset, zoom });
      return {
        entries,
        merged: page?.entries ?? [],
        mergedTotal: page?.total ?? 0,
        mergedPeriods: page?.periods ?? [],
      };
    },
  );
}
