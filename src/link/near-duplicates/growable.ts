/** Append-only typed arrays that double when full, so the index stays compact and serialisable as it grows. */
type TypedArray = Uint32Array | Int32Array | Float32Array;
type Ctor<T extends TypedArray> = { new (length: number): T };

export class Growable<T extends TypedArray> {
  data: T;
  length = 0;

  constructor(
    private readonly make: Ctor<T>,
    capacity = 1024,
  ) {
    this.data = new make(Math.max(16, capacity));
  }

  static from<T extends TypedArray>(make: Ctor<T>, values: T): Growable<T> {
    const growable = new Growable(make, values.length);
    growable.data.set(values as never);
    growable.length = values.length;
    return growable;
  }

  reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.data.length) return;
    let capacity = this.data.length * 2;
    while (capacity < needed) capacity *= 2;
    const next = new this.make(capacity);
    next.set(this.data as never);
    this.data = next;
  }

  push(value: number): number {
    this.reserve(1);
    this.data[this.length] = value;
    return this.length++;
  }

  append(values: ArrayLike<number>): void {
    this.reserve(values.length);
    this.data.set(values as never, this.length);
    this.length += values.length;
  }

  /** A trimmed copy, for serialisation. */
  toArray(): T {
    return this.data.slice(0, this.length) as T;
  }
}
