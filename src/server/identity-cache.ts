import {
  canonicalName,
  IDENTITIES_STATE,
  type IdentityIndex,
  type IdentityState,
  indexIdentities,
  loadIdentities,
} from '../link/index.js';
import type { Store } from '../store/index.js';

/**
 * The saved corpus identities and their index, shared by the entity and search routes. The state is
 * one JSON value that grows with the corpus (tens of megabytes at 100,000 documents), so it is parsed
 * again only when a write replaced it, which a one-row query tells on each request, whichever
 * process wrote it.
 */
export class IdentityCache {
  private cached: { version: string; index: IdentityIndex } | undefined;

  constructor(private readonly store: Store) {}

  current(): IdentityIndex | undefined {
    const version = this.store.corpusStateVersion(IDENTITIES_STATE);
    if (version === undefined) {
      this.cached = undefined;
      return undefined;
    }
    if (this.cached?.version !== version) {
      const state = loadIdentities(this.store);
      this.cached = state && { version, index: indexIdentities(state) };
    }
    return this.cached?.index;
  }

  /** Takes a state this process has just saved, without reading it back. */
  replace(state: IdentityState): void {
    const version = this.store.corpusStateVersion(IDENTITIES_STATE);
    this.cached = version === undefined ? undefined : { version, index: indexIdentities(state) };
  }

  /** The identity name a user's name stands for (canonical name or alias; the most mentioned if several), else the name itself. */
  canonical(name: string): string {
    return canonicalName(this.current(), name);
  }
}
