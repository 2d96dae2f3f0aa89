import { toQuery, useApi } from '../api.js';
import { Choice, DocLine, DocLink, Empty, FramingCaveat, Load, techniqueName } from '../components.js';
import { offsetParam, Pager, SelectParam } from '../pager.js';
import { href, replaceRoute } from '../router.js';
import type { FramingExamples, FramingReport, Stats } from '../types.js';

const PERIODS = [
  { value: undefined, label: 'all time' },
  { value: 'month', label: 'by month' },
] as const;

const RATES_PAGE = 50;
const EXAMPLES_PAGE = 20;
const SORTS = { newest: 'newest first', oldest: 'oldest first' } as const;

/**
 * `#/framing?by=month&outlet=…&technique=…`: loaded language and propaganda techniques per 1,000
 * words, outlet by outlet, then the spans behind the rates, a page at a time, each in its sentence.
 */
export function FramingView({ params }: { params: URLSearchParams }) {
  const by = params.get('by') ?? undefined;
  const outlet = params.get('outlet') ?? undefined;
  const technique = params.get('technique') ?? undefined;
  const sort = params.get('sort') === 'oldest' ? 'oldest' : 'newest';
  const offset = offsetParam(params);
  const examplesOffset = offsetParam(params, 'examples');
  const state = { by, outlet, technique, sort: sort === 'oldest' ? sort : undefined, offset, examples: examplesOffset };
  const go = (next: Record<string, string | number | undefined>) => {
    const merged = { ...state, ...next };
    return href(['framing'], { ...merged, offset: merged.offset || undefined, examples: merged.examples || undefined });
  };
  const loaded = useApi<FramingReport>(
    `/api/framing${toQuery({ byMonth: by === 'month' ? 'true' : undefined, outlet })}`,
  );
  const stats = useApi<Stats>('/api/stats');
  const outlets = stats.state === 'ok' ? stats.data.outlets : [];
  return (
    <section aria-labelledby="framing-title">
      <h1 id="framing-title">Loaded language by outlet</h1>
      <div className="filters">
        <Choice
          legend="Period"
          options={PERIODS}
          current={by}
          onChoose={(value) => replaceRoute(go({ by: value, offset: 0 }))}
        />
        <form className="controls" onSubmit={(event) => event.preventDefault()}>
          <SelectParam
            label="Outlet"
            value={outlet ?? ''}
            options={{ '': 'all', ...Object.fromEntries(outlets.map((count) => [count.value, count.value])) }}
            onChange={(value) => replaceRoute(go({ outlet: value, offset: 0, examples: 0 }))}
          />
        </form>
      </div>
      <Load loaded={loaded}>
        {(report) =>
          report.outlets.length === 0 ? (
            <Empty title="No documents with a loaded-language layer yet.">
              {report.documents} documents are stored; ingest or reprocess with the <code>loaded</code> layer.
            </Empty>
          ) : (
            <>
              <p className="muted framing-note">
                Techniques found per 1,000 words, pooled over each outlet's articles; one model scores every outlet
                alike. <FramingCaveat model={report.model} /> Most annotated spans go unfound, so compare rates, not
                counts.
                {report.withoutLayer > 0 ? ` ${report.withoutLayer} documents without the layer are left out.` : ''}
              </p>
              {report.outlets.length > RATES_PAGE ? (
                <Pager
                  total={report.outlets.length}
                  offset={offset}
                  limit={RATES_PAGE}
                  shown={report.outlets.slice(offset, offset + RATES_PAGE).length}
                  pageHref={(at) => go({ offset: at })}
                  noun="rows"
                />
              ) : null}
              <div className="table-wrap">
                <table className="table framing">
                  <thead>
                    <tr>
                      <th scope="col">Outlet</th>
                      <th scope="col">Period</th>
                      <th scope="col">Articles</th>
                      <th scope="col">Words</th>
                      <th scope="col">Per 1,000 words</th>
                      <th scope="col">Most frequent techniques (per 1,000 words)</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.outlets.slice(offset, offset + RATES_PAGE).map((row) => (
                      <tr key={`${row.outlet}\u0000${row.period}`}>
                        <td>{row.outlet}</td>
                        <td>{row.period === 'all' ? 'all' : row.period}</td>
                        <td>{row.articles}</td>
                        <td>{row.words}</td>
                        <td>{row.words === 0 ? '0.0' : ((row.spans / row.words) * 1000).toFixed(1)}</td>
                        <td>
                          {Object.entries(row.perThousandWords)
                            .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
                            .slice(0, 3)
                            .map(([name, rate]) => `${techniqueName(name)} ${rate.toFixed(1)}`)
                            .join(' · ')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <FramingExamplesList outlet={outlet} technique={technique} sort={sort} offset={examplesOffset} go={go} />
            </>
          )
        }
      </Load>
    </section>
  );
}

/** The spans behind the rates, each in its sentence with the technique and the model's reason. */
function FramingExamplesList({
  outlet,
  technique,
  sort,
  offset,
  go,
}: {
  outlet: string | undefined;
  technique: string | undefined;
  sort: 'newest' | 'oldest';
  offset: number;
  go: (next: Record<string, string | number | undefined>) => string;
}) {
  const loaded = useApi<FramingExamples>(
    `/api/framing/examples${toQuery({ outlet, technique, sort, offset, limit: EXAMPLES_PAGE })}`,
  );
  return (
    <section aria-labelledby="framing-examples-title" className="framing-examples">
      <h2 id="framing-examples-title">Examples</h2>
      <p className="muted">
        The passages the model marked, so that each rate above can be checked by reading what it counted.
      </p>
      <Load loaded={loaded}>
        {(page) => (
          <>
            <form className="controls" onSubmit={(event) => event.preventDefault()}>
              <SelectParam
                label="Technique"
                value={technique ?? ''}
                options={{
                  '': 'all',
                  ...Object.fromEntries(
                    page.techniques.map((row) => [row.value, `${techniqueName(row.value)} (${row.count})`]),
                  ),
                }}
                onChange={(value) => replaceRoute(go({ technique: value, examples: 0 }))}
              />
              <SelectParam
                label="Order"
                value={sort}
                options={SORTS}
                onChange={(value) => replaceRoute(go({ sort: value === 'oldest' ? value : undefined, examples: 0 }))}
              />
            </form>
            {page.total === 0 ? (
              <Empty title="No passage matches." />
            ) : (
              <>
                <Pager
                  total={page.total}
                  offset={offset}
                  limit={EXAMPLES_PAGE}
                  shown={page.examples.length}
                  pageHref={(at) => go({ examples: at })}
                  noun="passages"
                />
                <ul className="framing-example-list">
                  {page.examples.map((example) => {
                    const at = example.start - example.sentenceStart;
                    return (
                      <li key={`${example.doc.id}:${example.spanId}`}>
                        <p>
                          <span className="technique">{techniqueName(example.label)}</span>
                          {example.score === undefined ? null : (
                            <span className="muted"> · score {example.score.toFixed(2)}</span>
                          )}
                        </p>
                        <blockquote>
                          {example.sentence.slice(0, at)}
                          <a
                            href={href(['doc', example.doc.id], {
                              layers: 'loaded',
                              at: example.start,
                              end: example.end,
                            })}
                          >
                            <mark>{example.text}</mark>
                          </a>
                          {example.sentence.slice(at + example.text.length)}
                        </blockquote>
                        {example.explanation ? <p className="muted">{example.explanation}</p> : null}
                        <p className="meta">
                          <DocLink doc={example.doc} /> · <DocLine doc={example.doc} />
                        </p>
                      </li>
                    );
                  })}
                </ul>
              </>
            )}
          </>
        )}
      </Load>
    </section>
  );
}
