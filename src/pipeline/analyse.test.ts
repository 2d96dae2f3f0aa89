import { describe, expect, it } from 'vitest';
import type { RawRecord } from '../ingest/index.js';
import { type AnalyseResult, analyseInTasks } from './analyse.js';

function records(count: number): RawRecord[] {
  return Array.from({ length: count }, (_, n) => ({
    uri: `r${n}`,
    content: `Story ${n}.`,
    mediaType: 'text/plain',
  }));
}

describe('analyseInTasks', () => {
  it('hands the records over a few at a time and answers in input order, whichever task ends first', async () => {
    const taskSizes: number[] = [];
    let task = 0;
    const results = await analyseInTasks(
      records(37),
      async (part) => {
        taskSizes.push(part.length);
        // Later tasks finish first.
        await new Promise((resolve) => setTimeout(resolve, 20 - 4 * task++));
        return part.map((record): AnalyseResult => ({ error: record.uri }));
      },
      8,
    );
    expect(taskSizes).toEqual([8, 8, 8, 8, 5]);
    expect(results.map((result) => ('error' in result ? result.error : ''))).toEqual(
      records(37).map((record) => record.uri),
    );
  });

  it('runs no task for an empty batch', async () => {
    let tasks = 0;
    const results = await analyseInTasks([], async () => {
      tasks++;
      return [];
    });
    expect(results).toEqual([]);
    expect(tasks).toBe(0);
  });

  it('retries a failed task record by record, so one record that kills its worker costs only itself', async () => {
    const runs: string[][] = [];
    const run = async (part: RawRecord[]): Promise<AnalyseResult[]> => {
      runs.push(part.map((record) => record.uri));
      if (part.some((record) => record.uri === 'r5')) throw new Error('Worker terminated due to reaching memory limit');
      return part.map((record): AnalyseResult => ({ error: `done ${record.uri}` }));
    };
    const withoutFallback = await analyseInTasks(records(8), run, 4);
    expect(withoutFallback.map((result) => ('error' in result ? result.error : ''))).toEqual([
      'done r0',
      'done r1',
      'done r2',
      'done r3',
      'done r4',
      'analysis failed: Worker terminated due to reaching memory limit',
      'done r6',
      'done r7',
    ]);
    expect(runs).toContainEqual(['r4', 'r5', 'r6', 'r7']);
    expect(runs).toContainEqual(['r5']);

    const withFallback = await analyseInTasks(records(8), run, 4, async (record) => ({
      error: `inline ${record.uri}`,
    }));
    expect(withFallback.map((result) => ('error' in result ? result.error : ''))[5]).toBe('inline r5');
  });
});
