import { describe, expect, it } from 'vitest';
import { JobQueue } from './jobs.js';

/** A promise and the function that settles it, to hold a job at a known point. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('the job queue', () => {
  it('runs one job at a time, in the order submitted, and reports each state', async () => {
    const queue = new JobQueue();
    const first = gate();
    const order: string[] = [];
    const a = queue.submit(['a.txt'], async (job) => {
      order.push('a starts');
      job.total = 2;
      await first.opened;
      job.done = 2;
      order.push('a ends');
    });
    const b = queue.submit(['b.txt'], async () => {
      order.push('b runs');
    });
    expect(a.state).toBe('queued');
    await Promise.resolve();
    await Promise.resolve();
    expect(queue.get(a.id)?.state).toBe('running');
    expect(queue.get(b.id)?.state).toBe('queued');
    first.open();
    await queue.exclusive(async () => {});
    expect(order).toEqual(['a starts', 'a ends', 'b runs']);
    expect(queue.get(a.id)).toMatchObject({ state: 'done', done: 2, total: 2 });
    expect(queue.get(b.id)?.state).toBe('done');
    expect(queue.get(b.id)?.finishedAt).toBeDefined();
    expect(queue.list().map((job) => job.inputs[0])).toEqual(['b.txt', 'a.txt']);
  });

  it('marks a job that throws as failed with the reason, and runs the next one', async () => {
    const queue = new JobQueue();
    const broken = queue.submit(['broken'], async () => {
      throw new Error('disk full');
    });
    const next = queue.submit(['next'], async (job) => {
      job.done = 1;
    });
    await queue.exclusive(async () => {});
    expect(queue.get(broken.id)).toMatchObject({ state: 'failed', error: 'disk full' });
    expect(queue.get(next.id)).toMatchObject({ state: 'done', done: 1, total: 1 });
  });

  it('forgets the oldest finished jobs beyond the number it keeps, never an unfinished one', async () => {
    const queue = new JobQueue(2);
    const hold = gate();
    const held = queue.submit(['held'], () => hold.opened);
    for (const name of ['x', 'y', 'z']) queue.submit([name], async () => {});
    // Nothing has finished: all four stay although the queue keeps two.
    expect(queue.list().map((job) => job.inputs[0])).toEqual(['z', 'y', 'x', 'held']);
    hold.open();
    await queue.exclusive(async () => {});
    expect(queue.get(held.id)?.state).toBe('done');
    queue.submit(['last'], async () => {});
    await queue.exclusive(async () => {});
    expect(queue.list().map((job) => job.inputs[0])).toEqual(['last', 'z']);
  });
});
