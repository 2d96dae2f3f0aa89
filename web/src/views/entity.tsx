import { useState } from 'react';
import { ApiError, toQuery, useApi } from '../api.js';
import { DocLine, DocLink, Empty, EntityLink, Load, layerHelp } from '../components.js';
import { MonthChart } from '../month-chart.js';
import { offsetParam, Pager } from '../pager.js';
import { href, replaceRoute } from '../router.js';
import type { EntityList, EntityProfile } from '../types.js';
import { CurationPanel } from './entity-curation.js';
import { QuoteList } from './quotes.js';

const TYPES = ['PERSON', 'ORG', 'LOC', 'MISC'];
const ENTITIES_PAGE = 100;

export function EntitiesView({ params }: { params: URLSearchParams }) {
  const q = params.get('q') ?? undefined;
  const type = params.get('type') ?? undefined;
  const offset = offsetParam(params);
  const sort = params.get('sort') ?? 'mentions';
  const loaded = useApi<EntityList>(`/api/entities${toQuery({ q, type, sort, offset, limit: ENTITIES_PAGE })}`);
  const listHref = (changes: Record<string, string | number | undefined>) =>
    href(['entities'], { q, type, sort: sort === 'mentions' ? undefined : sort, ...changes });
  return (
    <section aria-labelledby="entities-title">
      <h1 id="entities-title">Entities</h1>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          name starts with{' '}
          <input
            defaultValue={q ?? ''}
            onChange={(event) => replaceRoute(listHref({ q: event.target.value || undefined }))}
          />
        </label>
        <label>
          type{' '}
          <select
            value={type ?? ''}
            onChange={(event) => replaceRoute(listHref({ type: event.target.value || undefined }))}
          >
            <option value="">any</option>
            {TYPES.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
      </form>
      <Load loaded={loaded}>
        {({ entities, total, more }) =>
          entities.length === 0 && offset === 0 ? (
            q || type ? (
              <Empty title="No entity matches." />
            ) : (
              <Empty title="No entities yet.">{layerHelp('entities')}</Empty>
            )
          ) : (
            <div className="table-wrap">
              <Pager
                total={total}
                more={more}
                offset={offset}
                limit={ENTITIES_PAGE}
                shown={entities.length}
                pageHref={(at) => listHref({ offset: at || undefined })}
                noun="entities"
              />
              <table className="table">
                <thead>
                  <tr>
                    <SortHeader label="Name" by="name" current={sort} to={(by) => listHref({ sort: by })} />
                    <th scope="col">Type</th>
                    <SortHeader label="Mentions" by="mentions" current={sort} to={(by) => listHref({ sort: by })} />
                    <SortHeader label="Articles" by="documents" current={sort} to={(by) => listHref({ sort: by })} />
                  </tr>
                </thead>
                <tbody>
                  {entities.map((entity) => (
                    <tr key={entity.name}>
                      <td>
                        <EntityLink name={entity.name} />
                      </td>
                      <td>{entity.type}</td>
                      <td>{entity.mentions}</td>
                      <td>{entity.documents}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Load>
    </section>
  );
}

/** A column heading that sorts the list by its column (name A–Z, counts most first). */
function SortHeader({
  label,
  by,
  current,
  to,
}: {
  label: string;
  by: string;
  current: string;
  to: (by: string | undefined) => string;
}) {
  const active = current === by;
  return (
    <th scope="col" aria-sort={active ? (by === 'name' ? 'ascending' : 'descending') : undefined}>
      <a href={to(by === 'mentions' ? undefined : by)} aria-current={active ? 'true' : undefined}>
        {label}
        {active ? (by === 'name' ? ' ↑' : ' ↓') : ''}
      </a>
    </th>
  );
}

export function EntityView({ name }: { name: string }) {
  const [version, setVersion] = useState(0);
  const loaded = useApi<EntityProfile>(`/api/entities/${encodeURIComponent(name)}`, version);
  const onChanged = (newName?: string) => {
    if (newName) window.location.hash = href(['entity', newName]);
    else setVersion((current) => current + 1);
  };
  if (loaded.state === 'error' && loaded.error instanceof ApiError && loaded.error.status === 404) {
    return (
      <section>
        <h1>{name}</h1>
        <Empty title="No mention of this entity in the store.">{layerHelp('entities')}</Empty>
      </section>
    );
  }
  return (
    <Load loaded={loaded}>
      {(entity) => (
        <article className="entity">
          <header>
            <h1>{entity.name}</h1>
            <p className="meta">
              {entity.types.map((type) => `${type.value} (${type.count})`).join(', ')} · {entity.mentions} mentions in{' '}
              {entity.documents} articles
            </p>
            <p>
              <span className="muted">Written as: </span>
              {entity.surfaceForms.map((form) => `${form.value} (${form.count})`).join(', ')}
            </p>
            <IdentityFacts entity={entity} />
          </header>
          {entity.id ? (
            <section aria-labelledby="curate-title">
              <h2 id="curate-title">Curate</h2>
              <CurationPanel entity={entity} onChanged={onChanged} />
            </section>
          ) : null}
          <div className="entity-grid">
            <section aria-labelledby="over-time">
              <h2 id="over-time">Mentions over time</h2>
              <MonthChart counts={entity.byMonth} label={`Mentions of ${entity.name} by month`} />
            </section>
            <section aria-labelledby="cooc">
              <h2 id="cooc">Appears with</h2>
              <CoGraph entity={entity} />
            </section>
            <section aria-labelledby="quotes-by">
              <h2 id="quotes-by">Quotes by {entity.name}</h2>
              {entity.quotesBy.length ? <QuoteList quotes={entity.quotesBy} /> : <p className="muted">none found</p>}
              {entity.quotesBy.length >= 50 ? (
                <a href={href(['quotes'], { speaker: entity.name })}>All quotes by {entity.name}</a>
              ) : null}
            </section>
            <section aria-labelledby="quotes-about">
              <h2 id="quotes-about">Quotes mentioning {entity.name}</h2>
              {entity.quotesAbout.length ? (
                <QuoteList quotes={entity.quotesAbout} />
              ) : (
                <p className="muted">none found</p>
              )}
            </section>
            <section aria-labelledby="recent">
              <h2 id="recent">Recent articles</h2>
              <ul>
                {entity.recentDocuments.map((doc) => (
                  <li key={doc.id}>
                    <DocLink doc={doc} layers="entities" /> <DocLine doc={doc} />
                  </li>
                ))}
              </ul>
              <a href={href(['timeline'], { entity: entity.name })}>Timeline of {entity.name}</a>
            </section>
          </div>
        </article>
      )}
    </Load>
  );
}

/** What the corpus identity knows: other names, roles, and why its names were taken for one entity. */
function IdentityFacts({ entity }: { entity: EntityProfile }) {
  if (!entity.id) {
    return (
      <p className="muted">
        Corpus identities are not built yet (they are after every ingest, or with <code>lede link</code>): aliases,
        roles and curation appear here once they are.
      </p>
    );
  }
  const evidence = entity.evidence ?? [];
  return (
    <>
      <p>
        <span className="muted">Also called: </span>
        {entity.aliases?.length ? entity.aliases.join(', ') : 'no other names'}
      </p>
      {entity.roles?.length ? (
        <p>
          <span className="muted">Roles: </span>
          {entity.roles.join(', ')}
        </p>
      ) : null}
      {evidence.length > 0 ? (
        <details>
          <summary>Why these names are one entity ({evidence.length})</summary>
          <ul className="evidence-list">
            {evidence.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: evidence lines can repeat word for word; the list is never reordered
              <li key={index}>
                <span className="muted">{item.rule}:</span> {item.detail}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

/** The co-occurring entities as a small star graph; each node links to its own page. */
function CoGraph({ entity }: { entity: EntityProfile }) {
  const nodes = entity.cooccurring;
  if (nodes.length === 0) return <p className="muted">No other entity in its articles.</p>;
  const max = Math.max(...nodes.map((node) => node.documents));
  const placed = nodes.map((node, index) => {
    const angle = (index / nodes.length) * 2 * Math.PI - Math.PI / 2;
    return { ...node, x: 200 + Math.cos(angle) * 140, y: 150 + Math.sin(angle) * 105 };
  });
  return (
    <figure className="graph">
      <svg viewBox="0 0 400 300" role="img" aria-label={`Entities appearing with ${entity.name}`}>
        {placed.map((node) => (
          <line
            key={`l-${node.name}`}
            x1={200}
            y1={150}
            x2={node.x}
            y2={node.y}
            strokeWidth={1 + (node.documents / max) * 5}
            className="edge"
          />
        ))}
        <circle cx={200} cy={150} r={10} className="node centre" />
        <text x={200} y={132} textAnchor="middle" className="label centre">
          {entity.name}
        </text>
        {placed.map((node) => (
          <a key={node.name} href={href(['entity', node.name])}>
            <circle cx={node.x} cy={node.y} r={6} className={`node t-${node.type}`} />
            <text x={node.x} y={node.y < 150 ? node.y - 9 : node.y + 17} textAnchor="middle" className="label">
              {node.name}
            </text>
            <title>
              {node.name} ({node.type}): {node.documents} shared articles
            </title>
          </a>
        ))}
      </svg>
      <figcaption className="muted">
        Over its {Math.min(entity.documents, entity.cooccurrenceWindow)} most recent articles; line width = shared
        articles.
      </figcaption>
    </figure>
  );
}
