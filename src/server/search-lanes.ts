import { isCostlyQuery, prefixesOf, type SearchPage } from '../store/index.js';
import { ProcessPool } from './process-pool.js';
import type { SearchParams } from './search-task.js';

export interface SearchLaneOptions {
  /** Read processes for plain searches. */
  processes?: number;
  /** A search over this is stopped and answered 503. */
  timeoutMs?: number;
  /** How many indexed words start with a prefix, counted up to a few: a prefix of few words is a plain search. */
  wordsStartingWith?: (prefix: string) => Promise<number>;
}

/** What a search may wait for a process, and then what it may run, before it is stopped and answered 503. */
export const SEARCH_TIMEOUT_MS = 5_000;

const HINT = 'make it narrower (fewer OR and prefix terms, longer prefixes) or try again';

/**
 * Searches in read processes, in two lanes: costly queries (prefixes, many ORs) in one process of
 * low priority, plain ones in the others. One client looping over costly queries then holds one
 * process and spare CPU only, and plain searches from everyone else neither queue behind it nor
 * lose the CPU to it.
 */
export class SearchLanes {
  private readonly plain: ProcessPool;
  private readonly costly: ProcessPool;

  private readonly wordsStartingWith: SearchLaneOptions['wordsStartingWith'];

  constructor(database: string, options: SearchLaneOptions = {}) {
    this.wordsStartingWith = options.wordsStartingWith;
    const processes = options.processes ?? 2;
    const common = {
      module: 'read-worker',
      args: [database],
      timeoutMs: options.timeoutMs ?? SEARCH_TIMEOUT_MS,
      what: 'search',
      hint: HINT,
    };
    // More searches waiting than this are refused at once: the client is told to slow down.
    this.plain = new ProcessPool({ ...common, size: processes, maxQueued: processes * 16 });
    this.costly = new ProcessPool({ ...common, size: 1, maxQueued: 8, niceness: 19 });
  }

  async run(params: SearchParams): Promise<SearchPage> {
    let wordsStartingWith: ((prefix: string) => number) | undefined;
    if (this.wordsStartingWith) {
      // The store is asked first; the count then decides as it is read.
      const counts = new Map<string, number>();
      for (const prefix of prefixesOf(params.q) ?? []) counts.set(prefix, await this.wordsStartingWith(prefix));
      wordsStartingWith = (prefix) => counts.get(prefix) ?? Number.POSITIVE_INFINITY;
    }
    return (isCostlyQuery(params.q, wordsStartingWith) ? this.costly : this.plain).run<SearchPage>(params);
  }

  /** Starts the read processes; resolves once each has opened the store and run its warm-up search. */
  async warm(): Promise<void> {
    await Promise.all([this.plain.warm(), this.costly.warm()]);
  }

  close(): void {
    this.plain.close();
    this.costly.close();
  }
}
