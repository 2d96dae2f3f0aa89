/**
 * A child for process-pool.test.ts: spins for `spinMs` in one synchronous call, as SQLite does
 * inside one native query, then answers with its pid.
 */
import { answerTasks, childArgs } from './child-module.js';

// The first argument, when given: how long the child takes to start (ms) before it says it is ready.
const startMs = Number(childArgs()[0] ?? 0);
const startEnd = Date.now() + startMs;
while (Date.now() < startEnd) {
  // Starting up, as a read process builds its facet columns.
}

answerTasks<{ spinMs: number }>(
  ({ spinMs }) => {
    const end = Date.now() + spinMs;
    while (Date.now() < end) {
      // Busy on purpose: nothing but killing the process can stop this.
    }
    return process.pid;
  },
  () => {},
);
