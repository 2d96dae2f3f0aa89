import { toQuery, useApi } from '../api.js';
import { Empty, EntityLink, Load } from '../components.js';
import { href, replaceRoute } from '../router.js';
import type { Timeline } from '../types.js';

/** One event, told by one or more articles: the merged timeline, so no event shows twice. */
type Entry = NonNullable<Timeline['merged']>[number];
const ZOOMS = { year: 4, month: 7, day: 10 } as const;
type Zoom = keyof typeof ZOOMS;

export function TimelineView({ params }: { params: URLSearchParams }) {
  const entity = params.get('entity') ?? undefined;
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const zoom = (params.get('zoom') as Zoom | null) ?? 'year';
  const loaded = useApi<Timeline>(`/api/timeline${toQuery({ entity, from, to, limit: 1000, merged: 'true' })}`);
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
        {({ merged = [] }) =>
          merged.length === 0 ? (
            <Empty title="No dated events yet.">
              The timeline is built from the <code>events</code> layer (attrs.date), merged across articles; none of the{' '}
              {entity ? `articles mentioning ${entity}` : 'articles'} carries a dated event yet.
            </Empty>
          ) : (
            <Groups
              entries={merged}
              zoom={zoom}
              onZoomInto={(period, next) => set({ from: period, to: period, zoom: next })}
            />
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

function Groups({
  entries,
  zoom,
  onZoomInto,
}: {
  entries: Entry[];
  zoom: Zoom;
  onZoomInto: (period: string, next: Zoom) => void;
}) {
  const groups = new Map<string, Entry[]>();
  for (const entry of entries) {
    const period = entry.date.slice(0, ZOOMS[zoom]);
    groups.set(period, [...(groups.get(period) ?? []), entry]);
  }
  const max = Math.max(...[...groups.values()].map((group) => group.length));
  const next: Zoom | undefined = zoom === 'year' ? 'month' : zoom === 'month' ? 'day' : undefined;
  return (
    <ol className="timeline">
      {[...groups].map(([period, group]) => (
        <li key={period}>
          <div className="period">
            <h2>{period}</h2>
            <span className="tbar" data-size={Math.ceil((group.length / max) * 10)} aria-hidden="true" />
            <span className="count">{group.length}</span>
            {next ? (
              <button type="button" onClick={() => onZoomInto(period, next)} aria-label={`Zoom into ${period}`}>
                zoom in
              </button>
            ) : null}
          </div>
          <ul className="tl-items">
            {group.slice(0, 30).map((entry) => {
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
                    {entry.sources.map((source, index) => (
                      <span key={`${source.source.docId}:${source.start}`}>
                        {index > 0 ? ', ' : ''}
                        <a href={href(['doc', source.source.docId], { at: source.start })}>
                          {source.source.headline || source.source.name}
                        </a>
                        {source.source.outlet ? ` (${source.source.outlet})` : ''}
                      </span>
                    ))}
                  </span>
                </li>
              );
            })}
            {group.length > 30 ? <li className="muted">and {group.length - 30} more</li> : null}
          </ul>
        </li>
      ))}
    </ol>
  );
}
