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

  async current(): Promise<IdentityIndex | undefined> {
    const version = await this.store.corpusStateVersion(IDENTITIES_STATE);
    if (version === undefined) {
      this.cached = undefined;
      return undefined;
    }
    if (this.cached?.version !== version) {
      const state = await loadIdentities(this.store);
      this.cached = state && { version, index: indexIdentities(state) };
    }
    return this.cached?.index;
  }

  /** Takes a state this process has just saved, without reading it back. */
  async replace(state: IdentityState): Promise<void> {
    const version = await this.store.corpusStateVersion(IDENTITIES_STATE);
    this.cached = version === undefined ? undefined : { version, index: indexIdentities(state) };
  }

  /** The identity name a user's name stands for (canonical name or alias; the most mentioned if several), else the name itself. */
  async canonical(name: string): Promise<string> {
    return canonicalName(await this.current(), name);
  }
}
