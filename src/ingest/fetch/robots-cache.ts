import { ALLOW_ALL, DISALLOW_ALL, isPathAllowed, parseRobots, type RobotsRules } from './robots.js';

export interface RobotsCacheOptions {
  /** Product token matched against robots.txt user-agent lines. */
  agentToken: string;
  fetchText(url: string, signal: AbortSignal): Promise<{ status: number; text: string }>;
  onCrawlDelay?(host: string, seconds: number): void;
}

/**
 * robots.txt, fetched once per origin and kept for the run. As RFC 9309 says, a missing file
 * (4xx) allows everything and a server error (5xx) disallows everything; a network error fails
 * the page with that error, since the host is unreachable anyway (and is retried next time).
 */
export function createRobotsCache(options: RobotsCacheOptions) {
  const cache = new Map<string, Promise<RobotsRules>>();

  function rulesFor(url: URL, signal: AbortSignal): Promise<RobotsRules> {
    let rules = cache.get(url.origin);
    if (!rules) {
      rules = load(url, signal);
      cache.set(url.origin, rules);
      rules.catch(() => cache.delete(url.origin));
    }
    return rules;
  }

  async function load(url: URL, signal: AbortSignal): Promise<RobotsRules> {
    const { status, text } = await options.fetchText(`${url.origin}/robots.txt`, signal);
    if (status >= 200 && status < 300) {
      const rules = parseRobots(text, options.agentToken);
      if (rules.crawlDelaySeconds !== undefined) options.onCrawlDelay?.(url.host, rules.crawlDelaySeconds);
      return rules;
    }
    return status >= 500 ? DISALLOW_ALL : ALLOW_ALL;
  }

  return {
    async allows(url: URL, signal: AbortSignal): Promise<boolean> {
      return isPathAllowed(await rulesFor(url, signal), `${url.pathname}${url.search}`);
    },
  };
}
