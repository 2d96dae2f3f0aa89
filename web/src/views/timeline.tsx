import { toQuery, useApi } from '../api.js';
import { DocLink, Empty, EntityLink, Load } from '../components.js';
import { href, replaceRoute } from '../router.js';
import type { SpanRecord } from '../types.js';

type Entry = SpanRecord & { date: string };
const ZOOMS = { year: 4, month: 7, day: 10 } as const;
type Zoom = keyof typeof ZOOMS;

export function TimelineView({ params }: { params: URLSearchParams }) {
  const entity = params.get('entity') ?? undefined;
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const zoom = (params.get('zoom') as Zoom | null) ?? 'year';
  const loaded = useApi<{ entries: Entry[] }>(`/api/timeline${toQuery({ entity, from, to, limit: 1000 })}`);
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
        {({ entries }) =>
          entries.length === 0 ? (
            <Empty title="No dated events or expressions yet.">
              The timeline is built from the <code>timexes</code> (attrs.value) and <code>events</code> (attrs.date)
              layers; none of the {entity ? `articles mentioning ${entity}` : 'articles'} carries them yet.
            </Empty>
          ) : (
            <Groups
              entries={entries}
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
            {group.slice(0, 30).map((entry) => (
              <li key={`${entry.doc.id}:${entry.spanId}`}>
                <time dateTime={entry.date}>{entry.date}</time>{' '}
                <a href={href(['doc', entry.doc.id], { layers: 'timexes,events', at: entry.start, end: entry.end })}>
                  {entry.text}
                </a>{' '}
                <span className="muted">
                  {entry.layer === 'events' ? 'event' : entry.label.toLowerCase()} in <DocLink doc={entry.doc} />
                  {entry.doc.outlet ? ` (${entry.doc.outlet})` : ''}
                </span>
              </li>
            ))}
            {group.length > 30 ? <li className="muted">and {group.length - 30} more</li> : null}
          </ul>
        </li>
      ))}
    </ol>
  );
}
