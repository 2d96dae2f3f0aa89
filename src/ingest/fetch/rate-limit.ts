import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Spaces requests to one host at least `1 / requestsPerSecond` apart (or a longer crawl-delay the
 * host asked for). Slots are reserved synchronously, so concurrent callers queue rather than burst.
 */
export function createHostRateLimiter(requestsPerSecond: number, now: () => number = Date.now) {
  const intervalMs = requestsPerSecond > 0 && Number.isFinite(requestsPerSecond) ? 1000 / requestsPerSecond : 0;
  const nextFree = new Map<string, number>();
  const delays = new Map<string, number>();
  return {
    /** Waits for this host's next slot. */
    async wait(host: string): Promise<void> {
      const at = now();
      const slot = Math.max(at, nextFree.get(host) ?? 0);
      nextFree.set(host, slot + Math.max(intervalMs, delays.get(host) ?? 0));
      if (slot > at) await sleep(slot - at);
    },
    /** A host's robots.txt crawl-delay, which widens its interval (capped by the caller). */
    setCrawlDelay(host: string, delayMs: number): void {
      delays.set(host, delayMs);
    },
  };
}
