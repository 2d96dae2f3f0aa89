import { randomUUID } from 'node:crypto';
import { errorMessage } from '../errors.js';

export type JobState = 'queued' | 'running' | 'linking' | 'done' | 'failed';

/** What `GET /api/jobs/:id` reports: plain data, updated in place while the job runs. */
export interface Job {
  id: string;
  kind: 'ingest';
  state: JobState;
  /** Records handled so far (stored, duplicate or failed). */
  done: number;
  /** Records expected: counted before the run, raised when more turn up (a URL that is a feed). */
  total: number;
  failed: number;
  ingested: number;
  /** Records queued for `lede worker` processes (`lede serve --queue`): they are stored later, by the workers. */
  queued?: number;
  duplicates: number;
  /** What the job was given: upload names and URLs. */
  inputs: string[];
  current?: string;
  /** While linking: the step running and, for placing documents, how far it is. */
  linkStep?: { step: string; done?: number; total?: number };
  /** Linking steps finished, with their time. */
  linkedSteps: { step: string; seconds: number }[];
  createdAt: string;
  finishedAt?: string;
  /** Why the whole job stopped (state `failed`); failures of single inputs are in `failures`. */
  error?: string;
  failures: { uri: string; reason: string }[];
  /** Ids of the documents stored, in order (at most MAX_LISTED). */
  ids: string[];
  /** The first documents stored, with their headlines, to link to. */
  stored: { id: string; headline?: string; outlet?: string; published?: string }[];
}

export const MAX_LISTED = 200;

/**
 * Long writes run as jobs, one at a time, queued in the server process: a poll reads the job's
 * progress while it runs. The work itself runs elsewhere (ingest-route.ts hands it to the ingest
 * process, which posts its progress back), so this thread answers reads meanwhile. Jobs live in
 * memory (a restart forgets them); the newest `keep` are kept.
 */
export class JobQueue {
  private readonly jobs = new Map<string, Job>();
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly keep = 50) {}

  /** Queues `run` behind every earlier write and returns its job at once. */
  submit(inputs: string[], run: (job: Job) => Promise<void>): Job {
    const job: Job = {
      id: randomUUID(),
      kind: 'ingest',
      state: 'queued',
      done: 0,
      total: 0,
      failed: 0,
      ingested: 0,
      duplicates: 0,
      inputs,
      createdAt: new Date().toISOString(),
      failures: [],
      ids: [],
      stored: [],
      linkedSteps: [],
    };
    this.jobs.set(job.id, job);
    this.forgetOld();
    void this.exclusive(async () => {
      job.state = 'running';
      try {
        await run(job);
        job.state = 'done';
        job.total = Math.max(job.total, job.done);
      } catch (error) {
        job.state = 'failed';
        job.error = errorMessage(error);
      } finally {
        job.current = undefined;
        job.linkStep = undefined;
        job.finishedAt = new Date().toISOString();
      }
    });
    return job;
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  /** Newest first. */
  list(): Job[] {
    return [...this.jobs.values()].reverse();
  }

  /**
   * Runs `task` once every write queued before it has finished: two ingests never interleave their
   * batches or relink the corpus at the same time.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((job) => job.state === 'done' || job.state === 'failed');
    for (const job of finished.slice(0, Math.max(0, this.jobs.size - this.keep))) this.jobs.delete(job.id);
  }
}
