import type { CorpusStateKey } from '../model/index.js';
import type { CorpusStateStore } from '../store/index.js';

/**
 * A corpus state parsed once per version of it: a large corpus's stories or version groups are
 * megabytes of JSON, too much to parse again for every page a reader turns. Callers must not
 * change what they get.
 */
const parsed = new WeakMap<CorpusStateStore, Map<string, { version: string; value: unknown }>>();

export async function cachedCorpusState<T>(store: CorpusStateStore, key: CorpusStateKey<T>): Promise<T | undefined> {
  const version = await store.corpusStateVersion(key);
  if (version === undefined) return undefined;
  let byKey = parsed.get(store);
  if (!byKey) {
    byKey = new Map();
    parsed.set(store, byKey);
  }
  const cached = byKey.get(key.name);
  if (cached?.version === version) return cached.value as T;
  const value = await store.getCorpusState(key);
  if (value !== undefined) byKey.set(key.name, { version, value });
  return value;
}
