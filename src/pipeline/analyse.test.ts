import { describe, expect, it } from 'vitest';
import type { RawRecord } from '../ingest/index.js';
import { type AnalyseResult, analyseInTasks, limitConcurrency } from './analyse.js';

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

  it('retries a failed task record by record, so one bad record costs only itself', async () => {
    const runs: string[][] = [];
    const run = async (part: RawRecord[]): Promise<AnalyseResult[]> => {
      runs.push(part.map((record) => record.uri));
      if (part.some((record) => record.uri === 'r5')) throw new Error('could not clone the result');
      return part.map((record): AnalyseResult => ({ error: `done ${record.uri}` }));
    };
    const withoutFallback = await analyseInTasks(records(8), run, 4);
    expect(withoutFallback.map((result) => ('error' in result ? result.error : ''))).toEqual([
      'done r0',
      'done r1',
      'done r2',
      'done r3',
      'done r4',
      'analysis failed: could not clone the result',
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

  it('never runs a record that killed its worker in the main thread: it fails alone, the others are kept', async () => {
    const outOfMemory = Object.assign(
      new Error('Worker terminated due to reaching memory limit: JS heap out of memory'),
      {
        code: 'ERR_WORKER_OUT_OF_MEMORY',
      },
    );
    const stopped = Object.assign(new Error('The operation was aborted'), { name: 'AbortError' });
    const inline: string[] = [];
    const results = await analyseInTasks(
      records(6),
      async (part) => {
        if (part.some((record) => record.uri === 'r1')) throw outOfMemory;
        if (part.some((record) => record.uri === 'r4')) throw stopped;
        if (part.some((record) => record.uri === 'r5')) throw new Error('could not clone the result');
        return part.map((record): AnalyseResult => ({ error: `done ${record.uri}` }));
      },
      3,
      async (record) => {
        inline.push(record.uri);
        return { error: `inline ${record.uri}` };
      },
    );
    expect(results.map((result) => ('error' in result ? result.error : ''))).toEqual([
      'done r0',
      'analysis failed for r1: its worker ran out of memory (320 MB heap); the other records are kept',
      'done r2',
      'done r3',
      'analysis failed for r4: its worker was stopped after 120 s (a stage did not return); the other records are kept',
      'inline r5',
    ]);
    expect(inline).toEqual(['r5']);
  });
});

describe('limitConcurrency', () => {
  it('runs no more than the limit at once and runs every job', async () => {
    const limit = limitConcurrency(2);
    let running = 0;
    let most = 0;
    const done = await Promise.all(
      Array.from({ length: 7 }, (_, n) =>
        limit(async () => {
          running++;
          most = Math.max(most, running);
          await new Promise((resolve) => setTimeout(resolve, 5));
          running--;
          return n;
        }),
      ),
    );
    expect(done).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(most).toBe(2);
  });
});
