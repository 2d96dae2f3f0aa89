import { useEffect, useState } from 'react';
import { toQuery, useApi } from '../api.js';
import { DocLink, Empty, Load, languageLabel } from '../components.js';
import { offsetParam, Pager } from '../pager.js';
import { href, replaceRoute } from '../router.js';
import type { Count, DocSummary, SearchPage, Stats } from '../types.js';

/** The document filters (export applies these) and the filters by what the articles' layers say (search alone). */
const DOC_FILTERS = ['outlet', 'section', 'from', 'to', 'includeEstimated'] as const;
const FILTERS = [...DOC_FILTERS, 'entity', 'speaker', 'hasQuotes', 'language'] as const;
const FILTER_LABELS: Record<string, (value: string) => string> = {
  hasQuotes: (value) => (value === 'true' ? 'with quotes' : 'without quotes'),
  includeEstimated: () => 'estimated dates counted',
  language: languageLabel,
};

export function SearchView({ params }: { params: URLSearchParams }) {
  const q = params.get('q') ?? '';
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? undefined]));
  const docFilters = Object.fromEntries(DOC_FILTERS.map((name) => [name, filters[name]]));
  const [typed, setTyped] = useState(q);
  useEffect(() => setTyped(q), [q]);
  // Instant results: the URL follows the box after a short pause, and the results follow the URL.
  useEffect(() => {
    if (typed === q) return;
    const timer = setTimeout(() => replaceRoute(href(['search'], { ...filters, q: typed.trim() || undefined })), 150);
    return () => clearTimeout(timer);
  });
  const setFilter = (name: string, value: string | undefined, more: Record<string, string | undefined> = {}) =>
    replaceRoute(href(['search'], { ...filters, q: q || undefined, [name]: value, ...more }));

  return (
    <div className="with-side">
      <section aria-labelledby="search-title">
        <h1 id="search-title" className="sr-only">
          Search
        </h1>
        <form onSubmit={(event) => event.preventDefault()}>
          <label htmlFor="q" className="sr-only">
            Search the articles
          </label>
          <input
            id="q"
            type="search"
            className="big"
            placeholder='Search: words, "a phrase", prefix*, OR, NOT'
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
          />
          <label className="muted">
            <input
              type="checkbox"
              checked={filters.includeEstimated === 'true'}
              onChange={(event) => setFilter('includeEstimated', event.target.checked ? 'true' : undefined)}
            />{' '}
            Count estimated dates (ranges lede inferred for undated articles) in dates, months and order
          </label>
        </form>
        <ActiveFilters filters={filters} onClear={(name) => setFilter(name, undefined)} />
        <p className="exports muted">
          Export{' '}
          {Object.values(docFilters).some(Boolean)
            ? 'the articles matching the outlet, section and date filters'
            : 'every article'}{' '}
          (text query and other filters not applied):{' '}
          <a href={`/api/export${toQuery({ ...docFilters, format: 'jsonl' })}`}>JSONL</a> ·{' '}
          <a href={`/api/export${toQuery({ ...docFilters, format: 'csv' })}`}>CSV</a>
        </p>
        {q ? (
          <Results q={q} filters={filters} setFilter={setFilter} offset={offsetParam(params)} />
        ) : (
          <Overview filters={docFilters} />
        )}
      </section>
    </div>
  );
}

function ActiveFilters({
  filters,
  onClear,
}: {
  filters: Record<string, string | undefined>;
  onClear: (name: string) => void;
}) {
  const active = Object.entries(filters).filter(([, value]) => value);
  if (active.length === 0) return null;
  return (
    <ul className="chips" aria-label="Active filters">
      {active.map(([name, value = '']) => {
        const shown = FILTER_LABELS[name]?.(value) ?? `${name}: ${value}`;
        return (
          <li key={name}>
            <button type="button" onClick={() => onClear(name)} aria-label={`Remove filter ${shown}`}>
              {shown} ✕
            </button>
          </li>
        );
      })}
    </ul>
  );
}

const RESULTS_PAGE = 30;

function Results({
  q,
  filters,
  setFilter,
  offset,
}: {
  q: string;
  filters: Record<string, string | undefined>;
  setFilter: (name: string, value: string | undefined, more?: Record<string, string | undefined>) => void;
  offset: number;
}) {
  const loaded = useApi<SearchPage>(`/api/search${toQuery({ q, ...filters, offset, limit: RESULTS_PAGE })}`);
  const pager = (page: SearchPage) => (
    <Pager
      total={page.total}
      offset={offset}
      limit={RESULTS_PAGE}
      shown={page.hits.length}
      pageHref={(at) => href(['search'], { ...filters, q, offset: at || undefined })}
      noun="articles"
    />
  );
  const facet = (title: string, name: string, counts: Count[]) => (
    <Facet title={title} name={name} counts={counts} filters={filters} setFilter={setFilter} />
  );
  return (
    <Load loaded={loaded}>
      {(page) => (
        <div className="results-grid">
          <div>
            {page.total === 0 ? <Empty title="No article matches." /> : pager(page)}
            <ol className="hits results" aria-label="Results">
              {page.hits.map((hit) => (
                <li key={hit.id}>
                  <h2>
                    <DocLink doc={hit} layers="entities,quotes,timexes" />
                  </h2>
                  <Meta doc={hit} />
                  <p className="snippet">
                    {hit.snippet.map((piece, index) =>
                      // biome-ignore lint/suspicious/noArrayIndexKey: pieces are positional and never reorder
                      piece.hit ? <mark key={index}>{piece.text}</mark> : <span key={index}>{piece.text}</span>,
                    )}
                  </p>
                </li>
              ))}
            </ol>
            {page.hits.length > 10 ? pager(page) : null}
          </div>
          <aside aria-label="Facets" className="facets">
            {facet('Outlet', 'outlet', page.facets.outlets)}
            {facet('Section', 'section', page.facets.sections)}
            <MonthFacet counts={page.facets.months} filters={filters} setFilter={setFilter} />
            {facet('Entity', 'entity', page.facets.entities)}
            {facet('Speaker', 'speaker', page.facets.speakers)}
            {facet('Quotes', 'hasQuotes', page.facets.hasQuotes)}
            {facet('Language', 'language', page.facets.languages)}
          </aside>
        </div>
      )}
    </Load>
  );
}

function Facet({
  title,
  name,
  counts,
  filters,
  setFilter,
}: {
  title: string;
  name: string;
  counts: Count[];
  filters: Record<string, string | undefined>;
  setFilter: (name: string, value: string | undefined, more?: Record<string, string | undefined>) => void;
}) {
  return (
    <section className="facet">
      <h3>{title}</h3>
      {counts.length === 0 ? <p className="muted">none</p> : null}
      <ul>
        {counts.map((count) => {
          const active = filters[name] === count.value;
          return (
            <li key={count.value}>
              <button
                type="button"
                aria-pressed={active}
                onClick={() => setFilter(name, active ? undefined : count.value)}
              >
                <span>{FILTER_LABELS[name]?.(count.value) ?? count.value}</span>{' '}
                <span className="count">{count.count}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function MonthFacet({
  counts,
  filters,
  setFilter,
}: {
  counts: Count[];
  filters: Record<string, string | undefined>;
  setFilter: (name: string, value: string | undefined, more?: Record<string, string | undefined>) => void;
}) {
  return (
    <section className="facet">
      <h3>Date</h3>
      <div className="date-range">
        <label>
          from{' '}
          <input
            type="text"
            inputMode="numeric"
            placeholder="YYYY-MM-DD"
            defaultValue={filters.from ?? ''}
            onBlur={(event) => setFilter('from', event.target.value || undefined)}
          />
        </label>
        <label>
          to{' '}
          <input
            type="text"
            inputMode="numeric"
            placeholder="YYYY-MM-DD"
            defaultValue={filters.to ?? ''}
            onBlur={(event) => setFilter('to', event.target.value || undefined)}
          />
        </label>
      </div>
      {counts.length === 0 ? <p className="muted">no dated matches</p> : null}
      <ul>
        {counts.map((count) => (
          <li key={count.value}>
            <button
              type="button"
              aria-pressed={filters.from === count.value && filters.to === count.value}
              onClick={() => setFilter('from', count.value, { to: count.value })}
            >
              <span>{count.value}</span> <span className="count">{count.count}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Meta({ doc }: { doc: DocSummary }) {
  return (
    <p className="meta">
      {[
        doc.outlet,
        doc.published ? `${doc.published}${doc.publishedEstimated ? ' (estimated)' : ''}` : 'undated',
        doc.sections.join(', '),
        `${doc.wordCount} words`,
      ]
        .filter(Boolean)
        .join(' · ')}
    </p>
  );
}

/** What each layer holds, as a reader would say it; layers that only structure the text are left out. */
const FINDINGS: Record<string, string> = {
  entities: 'mentions of people, organisations and places',
  metaEntities: 'names in headlines and captions',
  quotes: 'quotes',
  timexes: 'date and time expressions',
  figures: 'figures',
  events: 'dated events',
  loaded: 'loaded-language passages',
};

function Overview({ filters }: { filters: Record<string, string | undefined> }) {
  const stats = useApi<Stats>('/api/stats');
  const latest = useApi<{ documents: DocSummary[] }>(`/api/documents${toQuery({ ...filters, limit: 20 })}`);
  return (
    <>
      <Load loaded={stats}>
        {(data) =>
          data.documents === 0 ? (
            <Empty title="The store is empty.">
              Ingest articles with <code>lede ingest ./folder</code> (or POST to <code>/api/ingest</code> with the
              token), then reload.
            </Empty>
          ) : (
            <p className="muted">
              {data.documents.toLocaleString('en')} {data.documents === 1 ? 'article' : 'articles'},{' '}
              {data.words.toLocaleString('en')} words
              {data.earliest ? `, dated ${data.earliest} to ${data.latest}` : ''}. Found in them:{' '}
              {data.layers
                .filter((layer) => FINDINGS[layer.layer])
                .map((layer) => `${layer.spans.toLocaleString('en')} ${FINDINGS[layer.layer]}`)
                .join(', ') || 'nothing yet'}
              .
            </p>
          )
        }
      </Load>
      <h2>Latest articles</h2>
      <Load loaded={latest}>
        {(data) => (
          <ol className="hits">
            {data.documents.map((doc) => (
              <li key={doc.id}>
                <h3>
                  <DocLink doc={doc} layers="entities,quotes,timexes" />
                </h3>
                <Meta doc={doc} />
              </li>
            ))}
          </ol>
        )}
      </Load>
    </>
  );
}
