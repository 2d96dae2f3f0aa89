import { useEffect, useState } from 'react';
import { toQuery, useApi } from '../api.js';
import { DocLink, Empty, Load, languageLabel } from '../components.js';
import { href, replaceRoute } from '../router.js';
import type { Count, DocSummary, SearchPage, Stats } from '../types.js';

/** The document filters (export applies these) and the filters by what the articles' layers say (search alone). */
const DOC_FILTERS = ['outlet', 'section', 'from', 'to'] as const;
const FILTERS = [...DOC_FILTERS, 'entity', 'speaker', 'hasQuotes', 'language'] as const;
const FILTER_LABELS: Record<string, (value: string) => string> = {
  hasQuotes: (value) => (value === 'true' ? 'with quotes' : 'without quotes'),
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
        {q ? <Results q={q} filters={filters} setFilter={setFilter} /> : <Overview filters={docFilters} />}
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

function Results({
  q,
  filters,
  setFilter,
}: {
  q: string;
  filters: Record<string, string | undefined>;
  setFilter: (name: string, value: string | undefined, more?: Record<string, string | undefined>) => void;
}) {
  const loaded = useApi<SearchPage>(`/api/search${toQuery({ q, ...filters, limit: 30 })}`);
  const facet = (title: string, name: string, counts: Count[]) => (
    <Facet title={title} name={name} counts={counts} filters={filters} setFilter={setFilter} />
  );
  return (
    <Load loaded={loaded}>
      {(page) => (
        <div className="results-grid">
          <div>
            <p className="muted" aria-live="polite">
              {page.total} {page.total === 1 ? 'article' : 'articles'}
              {page.total > page.hits.length ? ` (showing ${page.hits.length})` : ''}
            </p>
            {page.hits.length === 0 ? <Empty title="No article matches." /> : null}
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
              {data.documents} articles, {data.words} words
              {data.earliest ? `, ${data.earliest} to ${data.latest}` : ''}. Layers:{' '}
              {data.layers.map((layer) => `${layer.layer} (${layer.spans})`).join(', ') || 'none'}.
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
