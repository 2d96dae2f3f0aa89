import { toQuery, useApi } from '../api.js';
import { colourClass, DocLine, DocLink, Empty, EntityLink, Load, layerHelp } from '../components.js';
import { offsetParam, Pager, SelectParam } from '../pager.js';
import { href, replaceRoute } from '../router.js';
import type { QuotePage, QuoteRecord, SpanRecord } from '../types.js';

const FILTERS = ['speaker', 'entity', 'outlet', 'from', 'to'] as const;

const QUOTES_PAGE = 50;
const SORTS = { newest: 'newest first', oldest: 'oldest first' } as const;

export function QuotesView({ params }: { params: URLSearchParams }) {
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? undefined]));
  const sort = params.get('sort') === 'oldest' ? 'oldest' : undefined;
  const offset = offsetParam(params);
  const loaded = useApi<QuotePage>(`/api/quotes${toQuery({ ...filters, sort, limit: QUOTES_PAGE, offset })}`);
  const set = (name: string, value: string | undefined) =>
    replaceRoute(href(['quotes'], { ...filters, sort, [name]: value || undefined }));
  return (
    <section aria-labelledby="quotes-title">
      <h1 id="quotes-title">Quotes</h1>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        {FILTERS.map((name) => (
          <label key={name}>
            {name}{' '}
            <input
              defaultValue={filters[name] ?? ''}
              placeholder={name === 'from' || name === 'to' ? 'YYYY-MM-DD' : ''}
              onBlur={(event) => set(name, event.target.value.trim())}
              onKeyDown={(event) => {
                if (event.key === 'Enter') set(name, event.currentTarget.value.trim());
              }}
            />
          </label>
        ))}
        <SelectParam
          label="Order"
          value={sort ?? 'newest'}
          options={SORTS}
          onChange={(value) => set('sort', value === 'oldest' ? value : undefined)}
        />
      </form>
      <Load loaded={loaded}>
        {(page) =>
          page.total === 0 ? (
            Object.values(filters).some(Boolean) ? (
              <Empty title="No quote matches these filters." />
            ) : (
              <Empty title="No quotes yet.">{layerHelp('quotes')}</Empty>
            )
          ) : (
            <div className="results-grid">
              <div>
                <Pager
                  total={page.total}
                  offset={offset}
                  limit={QUOTES_PAGE}
                  shown={page.quotes.length}
                  pageHref={(at) => href(['quotes'], { ...filters, sort, offset: at || undefined })}
                  noun="quotes"
                />
                <QuoteList quotes={page.quotes} />
              </div>
              <aside className="facets" aria-label="Speakers">
                <section className="facet">
                  <h3>Speakers</h3>
                  <ul>
                    {page.speakers.map((speaker) => (
                      <li key={speaker.value}>
                        <button
                          type="button"
                          aria-pressed={filters.speaker === speaker.value}
                          onClick={() => set('speaker', filters.speaker === speaker.value ? undefined : speaker.value)}
                        >
                          <span className={`swatch ${colourClass(speaker.value, 'q')}`}>{speaker.value}</span>{' '}
                          <span className="count">{speaker.count}</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                </section>
              </aside>
            </div>
          )
        }
      </Load>
    </section>
  );
}

/** Quotes, each linking to its sentence in the article. */
export function QuoteList({ quotes }: { quotes: (SpanRecord | QuoteRecord)[] }) {
  return (
    <ul className="quotes">
      {quotes.map((quote) => (
        <li key={`${quote.doc.id}:${quote.spanId}`} className={colourClass(quote.key ?? '', 'q')}>
          <blockquote>
            <a
              className="quote-link"
              href={href(['doc', quote.doc.id], { layers: 'quotes', at: quote.start, end: quote.end })}
            >
              “{quote.text}”
            </a>
          </blockquote>
          <p className="meta">
            {quote.key && 'speakerDescribed' in quote && quote.speakerDescribed ? (
              <span>{quote.key}</span>
            ) : quote.key ? (
              <EntityLink name={quote.key} />
            ) : (
              <span className="muted">unknown speaker</span>
            )}{' '}
            · {quote.label} · <DocLink doc={quote.doc} /> · <DocLine doc={quote.doc} />
          </p>
        </li>
      ))}
    </ul>
  );
}
