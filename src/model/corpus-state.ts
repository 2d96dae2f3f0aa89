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

/**
 * What a corpus step reads out of one document (its quotes as statements, its figures as claims),
 * kept per document so that linking reads a document once, not on every run. `version` names the
 * code that read them: facts read by another version are read again.
 */
export interface DocFactsKey<T> {
  readonly name: string;
  readonly version: number;
  readonly [valueType]?: T;
}

/** Define each key once, next to the reader that fills it; bump `version` when that reader changes. */
export function defineDocFacts<T>(name: string, version: number): DocFactsKey<T> {
  return { name, version };
}
