import { toQuery, useApi } from '../api.js';
import { Empty, EntityLink, Load } from '../components.js';
import { offsetParam, Pager } from '../pager.js';
import { href, replaceRoute } from '../router.js';
import type { Timeline } from '../types.js';

/** One event, told by one or more articles: the merged timeline, so no event shows twice. */
type Entry = NonNullable<Timeline['merged']>[number];
const ZOOMS = { year: 4, month: 7, day: 10 } as const;
type Zoom = keyof typeof ZOOMS;
/** Entries per page: with a few sources each, one page stays well under 2,000 DOM nodes. */
const TIMELINE_PAGE = 50;
/** Sources listed per entry; an event told by many articles names the rest by count. */
const SOURCES_SHOWN = 5;

export function TimelineView({ params }: { params: URLSearchParams }) {
  const entity = params.get('entity') ?? undefined;
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const zoom = (params.get('zoom') as Zoom | null) ?? 'year';
  const offset = offsetParam(params);
  const loaded = useApi<Timeline>(
    `/api/timeline${toQuery({ entity, from, to, zoom, limit: TIMELINE_PAGE, offset, merged: 'true' })}`,
  );
  // Any change of filter or zoom starts again from the first page.
  const set = (changes: Record<string, string | undefined>) =>
    replaceRoute(href(['timeline'], { entity, from, to, zoom, ...changes }));
  return (
    <section aria-labelledby="timeline-title">
      <h1 id="timeline-title">Timeline{entity ? ` of ${entity}` : ''}</h1>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          entity{' '}
          <input
            defaultValue={entity ?? ''}
            onBlur={(event) => set({ entity: event.target.value.trim() || undefined })}
            onKeyDown={(event) => {
              if (event.key === 'Enter') set({ entity: event.currentTarget.value.trim() || undefined });
            }}
          />
        </label>
        <fieldset className="zoom">
          <legend>Zoom</legend>
          {(Object.keys(ZOOMS) as Zoom[]).map((level) => (
            <button key={level} type="button" aria-pressed={zoom === level} onClick={() => set({ zoom: level })}>
              {level}
            </button>
          ))}
        </fieldset>
        {from || to ? (
          <button type="button" onClick={() => set({ from: undefined, to: undefined })}>
            Zoom out (show all dates)
          </button>
        ) : null}
      </form>
      <Load loaded={loaded}>
        {({ merged = [], mergedTotal, mergedPeriods = [] }) =>
          merged.length === 0 && offset === 0 ? (
            <Empty title="No dated events yet.">
              The timeline is built from the <code>events</code> layer (attrs.date), merged across articles; none of the{' '}
              {entity ? `articles mentioning ${entity}` : 'articles'} carries a dated event yet.
            </Empty>
          ) : (
            <>
              <Pager
                total={mergedTotal}
                offset={offset}
                limit={TIMELINE_PAGE}
                shown={merged.length}
                pageHref={(at) => href(['timeline'], { entity, from, to, zoom, offset: at || undefined })}
                noun="events"
              />
              <Groups
                entries={merged}
                periods={mergedPeriods}
                zoom={zoom}
                onZoomInto={(period, next) => set({ from: period, to: period, zoom: next })}
              />
            </>
          )
        }
      </Load>
      {entity ? (
        <p>
          <EntityLink name={entity} />
        </p>
      ) : null}
    </section>
  );
}

/** The page's entries by period; each period's bar and count are over all pages. */
function Groups({
  entries,
  periods,
  zoom,
  onZoomInto,
}: {
  entries: Entry[];
  periods: { period: string; count: number }[];
  zoom: Zoom;
  onZoomInto: (period: string, next: Zoom) => void;
}) {
  const groups = new Map<string, Entry[]>();
  for (const entry of entries) {
    const period = entry.date.slice(0, ZOOMS[zoom]);
    groups.set(period, [...(groups.get(period) ?? []), entry]);
  }
  const counts = new Map(periods.map(({ period, count }) => [period, count]));
  const max = Math.max(1, ...counts.values());
  const next: Zoom | undefined = zoom === 'year' ? 'month' : zoom === 'month' ? 'day' : undefined;
  return (
    <ol className="timeline">
      {[...groups].map(([period, group]) => (
        <li key={period}>
          <div className="period">
            <h2>{period}</h2>
            <span
              className="tbar"
              data-size={Math.ceil(((counts.get(period) ?? group.length) / max) * 10)}
              aria-hidden="true"
            />
            <span className="count">{counts.get(period) ?? group.length}</span>
            {next ? (
              <button type="button" onClick={() => onZoomInto(period, next)} aria-label={`Zoom into ${period}`}>
                zoom in
              </button>
            ) : null}
          </div>
          <ul className="tl-items">
            {group.map((entry) => {
              const first = entry.sources[0];
              return (
                <li key={`${entry.date}:${first?.source.docId}:${first?.start}`}>
                  <time dateTime={entry.date}>{entry.shown}</time>{' '}
                  {first ? (
                    <a
                      href={href(['doc', first.source.docId], {
                        layers: 'timexes,events',
                        at: first.start,
                        end: first.end,
                      })}
                    >
                      {entry.what}
                    </a>
                  ) : (
                    entry.what
                  )}{' '}
                  <span className="muted">
                    in{' '}
                    {entry.sources.slice(0, SOURCES_SHOWN).map((source, index) => (
                      <span key={`${source.source.docId}:${source.start}`}>
                        {index > 0 ? ', ' : ''}
                        <a href={href(['doc', source.source.docId], { at: source.start })}>
                          {source.source.headline || source.source.name}
                        </a>
                        {source.source.outlet ? ` (${source.source.outlet})` : ''}
                      </span>
                    ))}
                    {entry.sources.length > SOURCES_SHOWN ? ` and ${entry.sources.length - SOURCES_SHOWN} more` : ''}
                  </span>
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ol>
  );
}
