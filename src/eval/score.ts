/** Shared scoring: precision, recall and F1 over spans, exact or overlapping, per label and micro-averaged. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface PRF extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export function prf({ tp, fp, fn }: Counts): PRF {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

export function addCounts(into: Counts, more: Counts): Counts {
  into.tp += more.tp;
  into.fp += more.fp;
  into.fn += more.fn;
  return into;
}

export interface LabelledRange {
  start: number;
  end: number;
  label?: string;
}

export type MatchMode = 'exact' | 'overlap';

/**
 * Counts matches between gold and predicted spans of one document. Exact: same offsets (and label
 * unless `ignoreLabel`). Overlap: any shared character, each span used at most once (greedy by overlap).
 */
export function countSpanMatches(
  gold: readonly LabelledRange[],
  predicted: readonly LabelledRange[],
  mode: MatchMode,
  ignoreLabel = false,
): Counts {
  const used = new Set<number>();
  let tp = 0;
  for (const g of gold) {
    let best = -1;
    let bestOverlap = 0;
    predicted.forEach((p, index) => {
      if (used.has(index)) return;
      if (!ignoreLabel && g.label !== p.label) return;
      if (mode === 'exact') {
        if (p.start === g.start && p.end === g.end && best < 0) best = index;
        return;
      }
      const overlap = Math.min(g.end, p.end) - Math.max(g.start, p.start);
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        best = index;
      }
    });
    if (best >= 0) {
      used.add(best);
      tp++;
    }
  }
  return { tp, fp: predicted.length - used.size, fn: gold.length - tp };
}

/** Per-label counts plus a `micro` row, accumulated over documents. */
export class LabelScorer {
  private readonly counts = new Map<string, Counts>();

  add(gold: readonly LabelledRange[], predicted: readonly LabelledRange[], mode: MatchMode): void {
    const labels = new Set([...gold, ...predicted].map((span) => span.label ?? ''));
    for (const label of labels) {
      const counts = countSpanMatches(
        gold.filter((span) => (span.label ?? '') === label),
        predicted.filter((span) => (span.label ?? '') === label),
        mode,
      );
      addCounts(this.counts.get(label) ?? this.init(label), counts);
    }
  }

  private init(label: string): Counts {
    const counts = { tp: 0, fp: 0, fn: 0 };
    this.counts.set(label, counts);
    return counts;
  }

  rows(): { name: string; score: PRF }[] {
    const labels = [...this.counts.keys()].sort();
    const micro = { tp: 0, fp: 0, fn: 0 };
    const rows = labels.map((label) => {
      const counts = this.counts.get(label) as Counts;
      addCounts(micro, counts);
      return { name: label || '(all)', score: prf(counts) };
    });
    if (labels.length > 1) rows.push({ name: 'micro', score: prf(micro) });
    return rows;
  }
}

/** A fixed-width table of P/R/F1 rows, the one format every `lede eval` prints. */
export function formatScoreTable(title: string, rows: { name: string; score: PRF }[]): string {
  const width = Math.max(12, ...rows.map((row) => row.name.length));
  const head = `${'label'.padEnd(width)}  precision  recall     f1      tp     fp     fn`;
  const lines = rows.map(({ name, score }) =>
    [
      name.padEnd(width),
      score.precision.toFixed(4).padStart(9),
      score.recall.toFixed(4).padStart(7),
      score.f1.toFixed(4).padStart(7),
      String(score.tp).padStart(6),
      String(score.fp).padStart(6),
      String(score.fn).padStart(6),
    ].join('  '),
  );
  return [title, head, ...lines].join('\n');
}
