/** The value type a corpus-state key stands for; it exists only for the compiler. */
declare const valueType: unique symbol;

/**
 * The name of one corpus-level result (plain JSON) together with the type stored under it, so a
 * reader gets back what the writer put and no caller spells the name twice.
 */
export interface CorpusStateKey<T> {
  readonly name: string;
  readonly [valueType]?: T;
}

/** Define each key once, next to the type it stores. */
export function defineCorpusState<T>(name: string): CorpusStateKey<T> {
  return { name };
}
