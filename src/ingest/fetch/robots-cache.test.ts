import { describe, expect, it } from 'vitest';
import { createRobotsCache } from './robots-cache.js';

function cacheAnswering(status: number, text = '') {
  const fetched: string[] = [];
  const delays: [string, number][] = [];
  const cache = createRobotsCache({
    agentToken: 'lede',
    fetchText: async (url) => {
      fetched.push(url);
      return { status, text };
    },
    onCrawlDelay: (host, seconds) => delays.push([host, seconds]),
  });
  return { cache, fetched, delays };
}

const signal = new AbortController().signal;

describe('createRobotsCache', () => {
  it('fetches robots.txt once per origin and applies it to every path', async () => {
    const { cache, fetched, delays } = cacheAnswering(200, 'User-agent: *\nDisallow: /admin\nCrawl-delay: 3\n');
    expect(await cache.allows(new URL('https://a.example/admin/x'), signal)).toBe(false);
    expect(await cache.allows(new URL('https://a.example/news?id=1'), signal)).toBe(true);
    expect(await cache.allows(new URL('http://a.example/admin'), signal)).toBe(false);
    expect(fetched).toEqual(['https://a.example/robots.txt', 'http://a.example/robots.txt']);
    expect(delays).toEqual([
      ['a.example', 3],
      ['a.example', 3],
    ]);
  });

  it('allows everything when robots.txt is missing (4xx)', async () => {
    const { cache } = cacheAnswering(404);
    expect(await cache.allows(new URL('https://b.example/anything'), signal)).toBe(true);
  });

  it('disallows everything when the server errs on robots.txt (5xx), as RFC 9309 asks', async () => {
    const { cache } = cacheAnswering(503);
    expect(await cache.allows(new URL('https://c.example/page'), signal)).toBe(false);
  });

  it('retries after a network error instead of caching it', async () => {
    let calls = 0;
    const cache = createRobotsCache({
      agentToken: 'lede',
      fetchText: async () => {
        calls++;
        if (calls === 1) throw new Error('connection refused');
        return { status: 200, text: '' };
      },
    });
    await expect(cache.allows(new URL('https://d.example/'), signal)).rejects.toThrow('connection refused');
    expect(await cache.allows(new URL('https://d.example/'), signal)).toBe(true);
    expect(calls).toBe(2);
  });
});
