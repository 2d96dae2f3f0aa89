/**
 * The official SemEval-2020 Task 11 span-identification measure (Da San Martino et al. 2020, §4):
 * partial credit for partial overlap. With S the predicted and T the gold spans of all articles
 * (overlapping spans of one article merged first),
 *   P = (1/|S|) Σ_s Σ_t |s∩t| / |s|,   R = (1/|T|) Σ_s Σ_t |s∩t| / |t|.
 * It is a different measure from the exact/overlap counts of src/eval/score.ts, so it lives here.
 */
export interface SiScore {
  precision: number;
  recall: number;
  f1: number;
  predicted: number;
  gold: number;
}

export interface CharSpan {
  start: number;
  end: number;
}

/** Merges overlapping or touching spans, as the task does before scoring. */
export function mergeSpans(spans: readonly CharSpan[]): CharSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: CharSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}

/** Accumulates the SI measure over articles. */
export class SpanIdentificationScorer {
  private precisionSum = 0;
  private recallSum = 0;
  private predicted = 0;
  private gold = 0;

  add(gold: readonly CharSpan[], predicted: readonly CharSpan[]): void {
    const g = mergeSpans(gold);
    const p = mergeSpans(predicted);
    this.gold += g.length;
    this.predicted += p.length;
    for (const s of p) {
      for (const t of g) {
        const overlap = Math.min(s.end, t.end) - Math.max(s.start, t.start);
        if (overlap <= 0) continue;
        this.precisionSum += overlap / (s.end - s.start);
        this.recallSum += overlap / (t.end - t.start);
      }
    }
  }

  score(): SiScore {
    const precision = this.predicted === 0 ? 0 : this.precisionSum / this.predicted;
    const recall = this.gold === 0 ? 0 : this.recallSum / this.gold;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { precision, recall, f1, predicted: this.predicted, gold: this.gold };
  }
}
