/**
 * The server's ingest process (process-pool.ts): its own write connection to the database named by
 * the first argument, running one ingest and relink at a time and reporting its progress, so the
 * server's thread keeps answering while documents are analysed and the corpus relinked.
 */
import { openStore } from '../store/index.js';
import { answerTasks, childArgs } from './child-module.js';
import { type IngestEvent, type IngestTask, runIngestTask } from './ingest-task.js';

const store = await openStore(childArgs()[0] as string);

answerTasks<IngestTask>(
  (task, report) => runIngestTask(store, task, (event: IngestEvent) => report(event)),
  () => store.close(),
);
