import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lede, ROOT } from './cli.js';

/**
 * `lede demo` on the bundled fictional corpus (examples/corpus, described in its README): every
 * corpus view must have something real to show, found by the same stages as on any corpus.
 */
let dir: string;
let db: string;
let demoStderr: string;

const json = (args: string[]) => {
  const result = lede(['--db', db, ...args, '--json']);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
};

interface Evidence {
  doc: string;
  value: string | number;
  text: string;
  source?: { outlet?: string };
}
interface Claim {
  kind: 'date' | 'figure';
  relation: 'conflict' | 'agreement';
  topic: string;
  evidence: Evidence[];
}
interface Quote {
  name: string;
  kind: string;
  text: string;
  sentence: string;
  speakerName?: string;
  speakerMention?: string;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lede-demo-'));
  db = join(dir, 'demo.sqlite');
  const result = lede(['--db', db, 'demo', '--no-serve']);
  expect(result.status, result.stderr).toBe(0);
  demoStderr = result.stderr;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lede demo', () => {
  it('ingests every article file of the example corpus, and not its README', () => {
    const corpus = join(ROOT, 'examples/corpus');
    const files = readdirSync(corpus).filter((name) => name !== 'README.md');
    // A JSONL file holds one article a line; every other file is one article.
    const articles = files.reduce(
      (count, name) =>
        count +
        (name.endsWith('.jsonl') ? readFileSync(join(corpus, name), 'utf8').split('\n').filter(Boolean).length : 1),
      0,
    );
    const stats = json(['stats']);
    expect(stats.documents).toBe(articles);
    expect(stats.documents).toBeGreaterThanOrEqual(30);
    expect(stats.documents).toBeLessThanOrEqual(60);
    expect(demoStderr).toMatch(/example corpus: \d+ ingested, 0 already there, 0 failed/);
    expect(json(['search', 'fictional', 'Valdoria', 'corpus']).total).toBe(0);
  });

  it('finds conflicting figures and dates, and agreeing figures, between outlets', () => {
    const claims: Claim[] = json(['claims']).claims;
    const figureConflict = claims.find((claim) => claim.kind === 'figure' && claim.relation === 'conflict');
    expect(figureConflict?.evidence.map((evidence) => evidence.value).sort()).toEqual([23, 31]);
    const outlets = new Set(figureConflict?.evidence.map((evidence) => evidence.source?.outlet));
    expect(outlets.size).toBe(2);
    const dateConflict = claims.find((claim) => claim.kind === 'date' && claim.relation === 'conflict');
    expect(dateConflict?.evidence.map((evidence) => String(evidence.value).slice(5)).sort()).toEqual([
      '09-03',
      '09-05',
    ]);
    const agreements = claims.filter((claim) => claim.relation === 'agreement' && claim.kind === 'figure');
    const dockworkers = agreements.find((claim) => claim.topic === 'dockworker');
    expect(dockworkers?.evidence.every((evidence) => evidence.value === 4000)).toBe(true);
    expect(new Set(dockworkers?.evidence.map((evidence) => evidence.source?.outlet)).size).toBeGreaterThanOrEqual(2);
  });

  it('gives the partisan outlet a higher rate of propaganda techniques than the wire agency', () => {
    const outlets: { outlet: string; words: number; spans: number }[] = json(['framing']).outlets;
    const rate = (name: string) => {
      const row = outlets.find((outlet) => outlet.outlet === name);
      expect(row, name).toBeDefined();
      return (row?.spans ?? 0) / (row?.words ?? 1);
    };
    expect(rate('The Valdorian Standard')).toBeGreaterThan(0);
    expect(rate('The Valdorian Standard')).toBeGreaterThan(rate('Valdoria Wire'));
  });

  it('groups an edited re-publication as a version and a word-for-word copy as an exact duplicate', () => {
    const groups: { kind: string; members: string[] }[] = json(['duplicates']).groups;
    expect(groups.map((group) => group.kind).sort()).toEqual(['exact', 'near']);
    expect(groups.find((group) => group.kind === 'exact')?.members).toContain('wire-0611');
    for (const group of groups) expect(group.members).toHaveLength(2);
  });

  it('attributes both halves of a quote split around its speaker, by name and by pronoun', () => {
    const halves = (speaker: string) => {
      const quotes: Quote[] = json(['quotes', '--speaker', speaker, '--limit', '100']).quotes;
      const bySentence = new Map<string, Quote[]>();
      for (const quote of quotes.filter((q) => q.kind === 'direct'))
        bySentence.set(quote.sentence, [...(bySentence.get(quote.sentence) ?? []), quote]);
      return [...bySentence.values()].filter((group) => group.length === 2);
    };
    const quill = halves('Teodor Quill');
    expect(quill.length).toBeGreaterThan(0);
    expect(quill[0]?.every((quote) => quote.speakerMention === 'Quill')).toBe(true);
    const byPronoun = halves('Ilsa Varnholt').find((group) => group.every((quote) => quote.speakerMention === 'she'));
    expect(byPronoun?.map((quote) => quote.text)).toEqual([
      'We have waited long enough,',
      'and we can wait longer than they can.',
    ]);
  });

  it('keeps an article that states no date undated', () => {
    const hit = json(['search', 'lighthouse', 'keeper']).hits[0];
    expect(hit?.headline).toBe('The last keeper of the Saltmarsh light');
    const doc = json(['show', hit.id]);
    // Nothing in its text dates it; a date it may take from a story mate is marked estimated.
    expect(doc.meta.published === undefined || doc.meta.published.estimated === true).toBe(true);
    expect(doc.messages.map((message: { ruleId?: string }) => message.ruleId)).toContain('published-estimate/undated');
  });

  it('shows a timeline across several months and stories with two or more outlets', () => {
    const stories: { size?: number; outlets?: string[] }[] = json(['stories']).stories;
    const multiOutlet = stories.filter((story) => (story.outlets?.length ?? 0) >= 2);
    expect(multiOutlet.length).toBeGreaterThanOrEqual(4);
    const entries: { date: string }[] = json(['timeline']).entries;
    const months = new Set(entries.map((entry) => entry.date.slice(0, 7)).filter((month) => /^2025-\d\d$/.test(month)));
    expect(months.size).toBeGreaterThanOrEqual(5);
  });
});
