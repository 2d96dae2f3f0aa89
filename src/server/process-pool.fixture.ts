/**
 * A child for process-pool.test.ts: spins for `spinMs` in one synchronous call, as SQLite does
 * inside one native query, then answers with its pid.
 */
import { answerTasks } from './child-module.js';

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
