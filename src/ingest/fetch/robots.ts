/** The rules of one robots.txt group that applies to us (RFC 9309), plus its crawl-delay. */
export interface RobotsRules {
  rules: { allow: boolean; pattern: string }[];
  crawlDelaySeconds?: number;
}

export const ALLOW_ALL: RobotsRules = { rules: [] };
export const DISALLOW_ALL: RobotsRules = { rules: [{ allow: false, pattern: '/' }] };

/**
 * Parses robots.txt and keeps the group for `agent` (matched case-insensitively as a product
 * token), else the `*` group. Groups naming the same agent are merged, as RFC 9309 asks.
 */
export function parseRobots(text: string, agent: string): RobotsRules {
  const token = agent.toLowerCase();
  const groups: { agents: string[]; rules: RobotsRules['rules']; crawlDelay?: number }[] = [];
  let current: (typeof groups)[number] | undefined;
  let lastWasAgent = false;
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const match = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!match) continue;
    const field = match[1]!.toLowerCase();
    const value = match[2]!.trim();
    if (field === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (field === 'allow' || field === 'disallow') {
      if (value) current.rules.push({ allow: field === 'allow', pattern: value });
    } else if (field === 'crawl-delay') {
      const seconds = Number(value);
      if (Number.isFinite(seconds) && seconds >= 0) current.crawlDelay = seconds;
    }
  }
  const mine = groups.filter((group) => group.agents.some((name) => name !== '*' && token.startsWith(name)));
  const chosen = mine.length > 0 ? mine : groups.filter((group) => group.agents.includes('*'));
  const delays = chosen.map((group) => group.crawlDelay).filter((delay) => delay !== undefined);
  return {
    rules: chosen.flatMap((group) => group.rules),
    crawlDelaySeconds: delays.length > 0 ? Math.max(...delays) : undefined,
  };
}

/** The longest matching pattern decides; on a tie, allow wins. `/robots.txt` itself is always allowed. */
export function isPathAllowed(rules: RobotsRules, pathAndQuery: string): boolean {
  if (pathAndQuery === '/robots.txt') return true;
  let best: { allow: boolean; length: number } | undefined;
  for (const rule of rules.rules) {
    if (!patternMatches(rule.pattern, pathAndQuery)) continue;
    const length = rule.pattern.length;
    if (!best || length > best.length || (length === best.length && rule.allow)) best = { allow: rule.allow, length };
  }
  return best?.allow ?? true;
}

function patternMatches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const source = body
    .split('*')
    .map((part) => normalisePercent(part).replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}${anchored ? '$' : ''}`).test(normalisePercent(path));
}

/** Compares paths with percent-escapes in one case, so `/caf%C3%A9` and `/caf%c3%a9` match. */
function normalisePercent(text: string): string {
  return text.replace(/%[0-9a-f]{2}/gi, (code) => code.toUpperCase());
}
