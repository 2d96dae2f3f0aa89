import { toQuery, useApi } from '../api.js';
import { Choice, Empty, FramingCaveat, Load, techniqueName } from '../components.js';
import { href, replaceRoute } from '../router.js';
import type { FramingReport } from '../types.js';

const PERIODS = [
  { value: undefined, label: 'all time' },
  { value: 'month', label: 'by month' },
] as const;

/** `#/framing?by=month`: loaded language and propaganda techniques per 1,000 words, outlet by outlet. */
export function FramingView({ params }: { params: URLSearchParams }) {
  const by = params.get('by') ?? undefined;
  const loaded = useApi<FramingReport>(`/api/framing${toQuery({ byMonth: by === 'month' ? 'true' : undefined })}`);
  return (
    <section aria-labelledby="framing-title">
      <h1 id="framing-title">Loaded language by outlet</h1>
      <div className="filters">
        <Choice
          legend="Period"
          options={PERIODS}
          current={by}
          onChoose={(value) => replaceRoute(href(['framing'], { by: value }))}
        />
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
                    {report.outlets.map((row) => (
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
                            .map(([technique, rate]) => `${techniqueName(technique)} ${rate.toFixed(1)}`)
                            .join(' · ')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </Load>
    </section>
  );
}
