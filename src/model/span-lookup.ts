/**
 * The first index in [0, length) for which `before(index)` is false, given that `before` is true
 * for a prefix of the indexes and false after it (a binary search).
 */
export function partitionPoint(length: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface Ranged {
  start: number;
  end: number;
}

/**
 * Range queries over one layer's spans that answer as a scan of the layer would (the same spans, in
 * layer order) but by binary search: stages that asked "which spans lie in this sentence" by
 * scanning the whole layer once per sentence were quadratic on long documents.
 */
export class SpanLookup<T extends Ranged> {
  /** Layer positions sorted by start. */
  private readonly byStart: number[];
  private readonly longest: number;

  constructor(readonly spans: readonly T[]) {
    this.byStart = spans.map((_, i) => i).sort((a, b) => this.at(a).start - this.at(b).start || a - b);
    this.longest = spans.reduce((most, span) => Math.max(most, span.end - span.start), 0);
  }

  private at(position: number): T {
    return this.spans[position] as T;
  }

  /** First index into byStart whose span starts at or after `offset`. */
  private firstStartingFrom(offset: number): number {
    return partitionPoint(this.byStart.length, (i) => this.at(this.byStart[i] as number).start < offset);
  }

  private select(from: number, to: number, keep: (span: T) => boolean): T[] {
    const positions: number[] = [];
    for (let i = from; i < to; i++) {
      const position = this.byStart[i] as number;
      if (keep(this.at(position))) positions.push(position);
    }
    return positions.sort((a, b) => a - b).map((position) => this.at(position));
  }

  /** Spans starting in [from, to). */
  startingIn(from: number, to: number): T[] {
    return this.select(this.firstStartingFrom(from), this.firstStartingFrom(to), () => true);
  }

  /** Spans lying inside [start, end]: start >= range start and end <= range end. */
  within(start: number, end: number): T[] {
    return this.select(this.firstStartingFrom(start), this.firstStartingFrom(end + 1), (span) => span.end <= end);
  }

  /** Spans sharing at least one character with [start, end). */
  overlapping(start: number, end: number): T[] {
    return this.select(
      this.firstStartingFrom(start - this.longest),
      this.firstStartingFrom(end),
      (span) => span.end > start,
    );
  }
}
