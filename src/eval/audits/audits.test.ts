import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawSample } from './draw.js';
import { auditFigures, auditsEvaluation, wilsonInterval } from './evaluate.js';
import { readAuditFile } from './judgement.js';

const base = { kind: 'claims', corpus: 'bbc', round: 'before', commit: 'abc', seed: 1, evidence: {}, output: {} };

describe('audits', () => {
  it('reports precision per kind, corpus and round with a Wilson interval', () => {
    const judgements = [
      { ...base, item: 'a', verdict: 'right' as const, why: 'same measure' },
      { ...base, item: 'b', verdict: 'wrong' as const, why: 'two regions', checks: { readable: true } },
      { ...base, item: 'c', round: 'after', verdict: 'right' as const, why: 'ok', checks: { readable: false } },
    ];
    const figures = auditFigures(judgements);
    const before = figures.find((figure) => figure.round === 'before');
    expect(before).toMatchObject({ judged: 2, right: 1, precision: 0.5, checks: { readable: 1 } });
    expect(figures.find((figure) => figure.round === 'after')).toMatchObject({ precision: 1, checks: { readable: 0 } });
    const interval = wilsonInterval(90, 100);
    expect(interval.low).toBeCloseTo(0.826, 2);
    expect(interval.high).toBeCloseTo(0.945, 2);
  });

  it('names the file and line of an unjudged or broken line', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lede-audit-'));
    const file = join(folder, 'claims.jsonl');
    writeFileSync(
      file,
      `${JSON.stringify({ ...base, item: 'a', verdict: 'right', why: 'x' })}\n${JSON.stringify({ ...base, item: 'b' })}\n`,
    );
    expect(() => readAuditFile(file)).toThrow(/claims\.jsonl:2: verdict/);
  });

  it('prints the figures of the audit files in a folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'lede-audit-'));
    writeFileSync(
      join(folder, 'claims.jsonl'),
      `${JSON.stringify({ ...base, item: 'a', verdict: 'right', why: 'x' })}\n`,
    );
    const { text } = await auditsEvaluation.run({ data: folder });
    expect(text).toMatch(/claims\s+bbc\s+before\s+1\s+100\.0%/);
  });

  it('draws the same sample for the same seed and never an item judged before', () => {
    const drawer = { kind: 'claims', question: 'q', candidates: async () => [] };
    const candidates = Array.from({ length: 50 }, (_, index) => ({ item: `c${index}`, evidence: {}, output: {} }));
    const request = { corpus: 'bbc', round: 'after', commit: 'abc', seed: 7, size: 10, judged: new Set(['c3', 'c4']) };
    const first = drawSample(drawer, candidates, request).map((item) => item.item);
    expect(first).toHaveLength(10);
    expect(drawSample(drawer, candidates, request).map((item) => item.item)).toEqual(first);
    expect(first).not.toContain('c3');
    expect(drawSample(drawer, candidates, { ...request, seed: 8 }).map((item) => item.item)).not.toEqual(first);
  });
});
