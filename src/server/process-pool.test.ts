import { afterEach, describe, expect, it } from 'vitest';
import { ProcessPool, ServiceBusyError } from './process-pool.js';

let pool: ProcessPool | undefined;
afterEach(() => pool?.close());

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const spinPool = (timeoutMs: number, size = 1, startMs = 0) =>
  new ProcessPool({
    module: 'process-pool.fixture',
    args: [String(startMs)],
    size,
    timeoutMs,
    maxQueued: 2,
    what: 'spin',
    hint: 'spin less',
  });

describe('ProcessPool', () => {
  it('says it is warm only once every child has started', async () => {
    pool = spinPool(10_000, 2, 600);
    const started = performance.now();
    await pool.warm();
    expect(performance.now() - started).toBeGreaterThanOrEqual(600);
    const pids = await Promise.all([pool.run<number>({ spinMs: 0 }), pool.run<number>({ spinMs: 0 })]);
    expect(pids.every((pid) => alive(pid))).toBe(true);
    await pool.warm();
  });

  it('kills a task stuck in one synchronous call at its time limit and answers the next from a new process', async () => {
    pool = spinPool(1_000);
    const first = await pool.run<number>({ spinMs: 0 });
    const started = performance.now();
    const stuck = pool.run<number>({ spinMs: 60_000 });
    await expect(stuck).rejects.toThrow(ServiceBusyError);
    await expect(stuck).rejects.toThrow('the spin took longer than 1 s and was stopped; spin less');
    expect(performance.now() - started).toBeLessThan(3_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(alive(first)).toBe(false);
    const next = await pool.run<number>({ spinMs: 0 });
    expect(next).not.toBe(first);
  });

  it('refuses tasks beyond the queue at once, and close() ends running and queued ones at once', async () => {
    pool = spinPool(60_000);
    const pid = await pool.run<number>({ spinMs: 0 });
    const running = pool.run({ spinMs: 60_000 });
    const queued = [pool.run({ spinMs: 0 }), pool.run({ spinMs: 0 })];
    await expect(pool.run({ spinMs: 0 })).rejects.toThrow('too many spin requests waiting (2); try again shortly');
    const closing = performance.now();
    pool.close();
    await expect(running).rejects.toThrow('the server is shutting down');
    for (const task of queued) await expect(task).rejects.toThrow('the server is shutting down');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(alive(pid)).toBe(false);
    expect(performance.now() - closing).toBeLessThan(1_000);
  });
});
