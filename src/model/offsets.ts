/**
 * Maps offsets of the clean text back to the raw text it was cut from. The clean text is built
 * from slices of the raw text joined by separators, so a list of copied segments is enough:
 * each `[textStart, rawStart, length]` says text[textStart..+length] came from raw[rawStart..+length].
 */
export type OffsetSegment = [textStart: number, rawStart: number, length: number];

export interface OffsetMap {
  segments: OffsetSegment[];
}

/** Builds a clean text and its offset map at the same time, so the two can never disagree. */
export class TextBuilder {
  private parts: string[] = [];
  private length = 0;
  readonly segments: OffsetSegment[] = [];

  /** Appends raw[rawStart, rawStart + piece.length) after a 1:1 transformation (such as space folding). */
  copy(piece: string, rawStart: number): this {
    if (piece.length === 0) return this;
    const last = this.segments[this.segments.length - 1];
    if (last && last[0] + last[2] === this.length && last[1] + last[2] === rawStart) {
      last[2] += piece.length;
    } else {
      this.segments.push([this.length, rawStart, piece.length]);
    }
    this.parts.push(piece);
    this.length += piece.length;
    return this;
  }

  /** Appends text that has no counterpart in the raw input (paragraph separators). */
  insert(piece: string): this {
    this.parts.push(piece);
    this.length += piece.length;
    return this;
  }

  get size(): number {
    return this.length;
  }

  build(): { text: string; origin: OffsetMap } {
    return { text: this.parts.join(''), origin: { segments: this.segments } };
  }
}

/** Raw offset of a clean-text offset; an offset inside an inserted separator maps to the next copied character. */
export function toRawOffset(map: OffsetMap, offset: number): number {
  const segments = map.segments;
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const segment = segments[mid] as OffsetSegment;
    if (segment[0] <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return segments.length > 0 ? (segments[0] as OffsetSegment)[1] : offset;
  const [textStart, rawStart, length] = segments[found] as OffsetSegment;
  if (offset <= textStart + length) return rawStart + (offset - textStart);
  const next = segments[found + 1];
  return next ? next[1] : rawStart + length;
}

/** Clean-text offset of a raw offset, or -1 when that raw character was dropped by cleaning. */
export function fromRawOffset(map: OffsetMap, rawOffset: number): number {
  for (const [textStart, rawStart, length] of map.segments) {
    if (rawOffset >= rawStart && rawOffset <= rawStart + length) return textStart + (rawOffset - rawStart);
  }
  return -1;
}

/** The identity map, for inputs taken as already clean. */
export function identityMap(length: number): OffsetMap {
  return { segments: length > 0 ? [[0, 0, length]] : [] };
}
