/**
 * An ingest process for tests: the server's own (ingest-worker.ts) with one more linking step at
 * the end, which holds the link transaction open (everything written, nothing committed) until the
 * file named by the second argument exists, then removes it and lets linking commit. While it
 * holds, `<file>.pid` names this process, for a test that kills it mid-link. A test can read
 * through the server while a job is linking, however fast the machine.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { CORPUS_STEPS, type CorpusStep } from '../pipeline/index.js';
import { openStore } from '../store/index.js';
import { answerTasks, childArgs } from './child-module.js';
import { type IngestEvent, type IngestTask, runIngestTask } from './ingest-task.js';

/** The step's name: GET /api/jobs/:id reports it as `linkStep` while the step waits. */
const HELD_STEP = 'held for a test';

const [location, releaseFile] = childArgs() as [string, string];
const store = await openStore(location);

const held: CorpusStep = {
  name: HELD_STEP,
  run: async () => {
    writeFileSync(`${releaseFile}.pid`, String(process.pid));
    while (!existsSync(releaseFile)) await sleep(20);
    rmSync(releaseFile);
    rmSync(`${releaseFile}.pid`);
  },
};

answerTasks<IngestTask>(
  (task, report) => runIngestTask(store, task, (event: IngestEvent) => report(event), [...CORPUS_STEPS, held]),
  () => store.close(),
);
