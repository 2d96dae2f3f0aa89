import { describe, expect, it } from 'vitest';
import { isPathAllowed, parseRobots } from './robots.js';

const ROBOTS = `
# comment
User-agent: Googlebot
Disallow: /

User-agent: *
Disallow: /private
Allow: /private/press
Disallow: /*.pdf$
Crawl-delay: 2

User-agent: lede
User-agent: otherbot
Disallow: /no-lede
`;

describe('parseRobots', () => {
  it('keeps the group naming lede over the * group', () => {
    const rules = parseRobots(ROBOTS, 'lede');
    expect(isPathAllowed(rules, '/no-lede/x')).toBe(false);
    expect(isPathAllowed(rules, '/private/x')).toBe(true);
    expect(rules.crawlDelaySeconds).toBeUndefined();
  });

  it('falls back to the * group, where the longest match wins and $ anchors', () => {
    const rules = parseRobots(ROBOTS, 'somebot');
    expect(isPathAllowed(rules, '/private/x')).toBe(false);
    expect(isPathAllowed(rules, '/private/press/2023')).toBe(true);
    expect(isPathAllowed(rules, '/files/report.pdf')).toBe(false);
    expect(isPathAllowed(rules, '/files/report.pdf?x=1')).toBe(true);
    expect(isPathAllowed(rules, '/news/today')).toBe(true);
    expect(rules.crawlDelaySeconds).toBe(2);
  });

  it('allows everything when the file is empty or has no group for us', () => {
    expect(isPathAllowed(parseRobots('', 'lede'), '/a')).toBe(true);
    expect(isPathAllowed(parseRobots('User-agent: Googlebot\nDisallow: /', 'lede'), '/a')).toBe(true);
  });

  it('prefers allow when an allow and a disallow pattern are equally long', () => {
    const rules = parseRobots('User-agent: *\nDisallow: /page\nAllow: /page\n', 'lede');
    expect(isPathAllowed(rules, '/page')).toBe(true);
  });
});
