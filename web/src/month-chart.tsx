import { byYear, fillMonths } from './months.js';
import type { Count } from './types.js';

const CHART = { width: 600, height: 140, left: 34, bottom: 22, top: 8 };

/** Mentions over time as bars with a count axis and a time axis, drawn in SVG (no inline style, so the CSP can forbid it). */
export function MonthChart({ counts, label }: { counts: Count[]; label: string }) {
  const months = fillMonths(counts);
  if (months.length === 0) return <p className="muted">No dated articles mention it.</p>;
  const series = months.length > 120 ? byYear(months) : months;
  const unit = months.length > 120 ? 'year' : 'month';
  const max = Math.max(1, ...series.map((count) => count.count));
  const plotWidth = CHART.width - CHART.left - 4;
  const plotHeight = CHART.height - CHART.bottom - CHART.top;
  const slot = plotWidth / series.length;
  const baseline = CHART.top + plotHeight;
  const ticks = [0, Math.floor((series.length - 1) / 2), series.length - 1].filter(
    (tick, index, all) => all.indexOf(tick) === index,
  );
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-label={label}>
        <line x1={CHART.left} y1={baseline} x2={CHART.width - 4} y2={baseline} className="axis" />
        <line x1={CHART.left} y1={CHART.top} x2={CHART.left} y2={baseline} className="axis" />
        <text x={CHART.left - 4} y={CHART.top + 8} textAnchor="end" className="tick">
          {max}
        </text>
        <text x={CHART.left - 4} y={baseline} textAnchor="end" className="tick">
          0
        </text>
        {series.map((count, index) => {
          const height = count.count === 0 ? 0 : Math.max(2, (count.count / max) * plotHeight);
          return (
            <rect
              key={count.value}
              x={CHART.left + index * slot + slot * 0.15}
              y={baseline - height}
              width={Math.max(1, slot * 0.7)}
              height={height}
              className="bar"
            >
              <title>
                {count.value}: {count.count} {count.count === 1 ? 'mention' : 'mentions'}
              </title>
            </rect>
          );
        })}
        {ticks.map((tick) => (
          <text
            key={tick}
            x={CHART.left + tick * slot + slot / 2}
            y={CHART.height - 6}
            textAnchor={tick === 0 ? 'start' : tick === series.length - 1 ? 'end' : 'middle'}
            className="tick"
          >
            {series[tick]?.value}
          </text>
        ))}
      </svg>
      <figcaption className="muted">
        Mentions per {unit}, {series[0]?.value} to {series.at(-1)?.value}; the most in one {unit}: {max}.
      </figcaption>
    </figure>
  );
}
