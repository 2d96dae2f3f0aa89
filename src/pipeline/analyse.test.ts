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
});
