import PgBoss from 'pg-boss';
import { LedeError } from '../../errors.js';
import type { RawRecord } from '../../ingest/index.js';

/** The shortest span a rate is taken over. */
const MIN_RATE_SECONDS = 10;

/** The queue of records waiting for analysis, inside the store's own PostgreSQL database (pg-boss's schema). */
export const INGEST_QUEUE = 'lede-ingest';

/** A record as a job carries it: plain JSON, the original bytes in base64 (they fix the document's id). */
export interface QueuedRecord {
  uri: string;
  content: string;
  bytes?: string;
  mediaType: string;
  charset?: string;
  charsetFrom?: string;
  externalId?: string;
  hints?: RawRecord['hints'];
  fetchedAt?: string;
}

export interface QueuedJob {
  id: string;
  record: RawRecord;
}

export interface QueueOptions {
  /**
   * How long a job may stay taken before it counts as lost (its worker killed) and is handed out
   * again. Analysis of one batch takes seconds; the default leaves a wide margin.
   */
  jobTimeoutSeconds?: number;
  /** Tries a failing record gets before it ends as a failed job (poison input never retries forever). */
  retryLimit?: number;
}

export interface JobCounts {
  queued: number;
  running: number;
  done: number;
  failed: number;
  /** Jobs finished (done or failed) in the last `window` seconds. */
  recent: number;
  /**
   * The seconds the rate is taken over: the window asked for, or less when the first job in it
   * finished later (a run of one minute is not spread over five).
   */
  window: number;
  /** Jobs finished per second over `window`. */
  perSecond: number;
  /** Queued and running jobs over the rate; 0 when none is left; undefined when none finished lately. */
  etaSeconds: number | undefined;
}

export interface FailedJob {
  id: string;
  uri: string;
  reason: string;
  at: string;
}

export function toQueuedRecord(record: RawRecord): QueuedRecord {
  return {
    uri: record.uri,
    content: record.content,
    ...(record.bytes ? { bytes: Buffer.from(record.bytes).toString('base64') } : {}),
    mediaType: record.mediaType,
    ...(record.charset !== undefined ? { charset: record.charset } : {}),
    ...(record.charsetFrom !== undefined ? { charsetFrom: record.charsetFrom } : {}),
    ...(record.externalId !== undefined ? { externalId: record.externalId } : {}),
    ...(record.hints !== undefined ? { hints: record.hints } : {}),
    ...(record.fetchedAt !== undefined ? { fetchedAt: record.fetchedAt } : {}),
  };
}

export function fromQueuedRecord(queued: QueuedRecord): RawRecord {
  return {
    uri: queued.uri,
    content: queued.content,
    ...(queued.bytes !== undefined ? { bytes: new Uint8Array(Buffer.from(queued.bytes, 'base64')) } : {}),
    mediaType: queued.mediaType,
    ...(queued.charset !== undefined ? { charset: queued.charset } : {}),
    ...(queued.charsetFrom !== undefined ? { charsetFrom: queued.charsetFrom } : {}),
    ...(queued.externalId !== undefined ? { externalId: queued.externalId } : {}),
    ...(queued.hints !== undefined ? { hints: queued.hints } : {}),
    ...(queued.fetchedAt !== undefined ? { fetchedAt: queued.fetchedAt } : {}),
  };
}

/**
 * The ingest queue on pg-boss: jobs live in the same PostgreSQL database as the store, so scaling
 * out needs no second service. A job is one record; taking it marks it active with a deadline, so a
 * worker killed mid-job loses nothing (the job expires and is handed out again), and a record that
 * keeps failing ends as a failed job with its reason after `retryLimit` tries.
 */
export class IngestQueue {
  private constructor(
    private readonly boss: PgBoss,
    private readonly options: Required<QueueOptions>,
  ) {}

  static async open(url: string, options: QueueOptions = {}): Promise<IngestQueue> {
    const settings = { jobTimeoutSeconds: options.jobTimeoutSeconds ?? 15 * 60, retryLimit: options.retryLimit ?? 2 };
    const boss = new PgBoss({
      connectionString: url,
      max: 2,
      // Completed jobs stay countable (throughput, `lede jobs`) for a day before pg-boss archives them.
      archiveCompletedAfterSeconds: 24 * 3600,
    });
    boss.on('error', () => {});
    try {
      await boss.start();
      await boss.createQueue(INGEST_QUEUE, {
        name: INGEST_QUEUE,
        retryLimit: settings.retryLimit,
        retryDelay: 0,
        expireInSeconds: settings.jobTimeoutSeconds,
      });
    } catch (error) {
      await boss.stop({ graceful: false, wait: false }).catch(() => {});
      throw new LedeError('STORE', `cannot open the job queue: ${(error as Error).message}`, { cause: error });
    }
    return new IngestQueue(boss, settings);
  }

  async enqueue(records: readonly RawRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.boss.insert(
      records.map((record) => ({
        name: INGEST_QUEUE,
        data: toQueuedRecord(record),
        retryLimit: this.options.retryLimit,
        retryDelay: 0,
        expireInSeconds: this.options.jobTimeoutSeconds,
      })),
    );
  }

  /** Takes up to `count` waiting jobs for this worker. */
  async take(count: number): Promise<QueuedJob[]> {
    const jobs = await this.boss.fetch<QueuedRecord>(INGEST_QUEUE, { batchSize: count });
    return jobs.map((job) => ({ id: job.id, record: fromQueuedRecord(job.data) }));
  }

  async complete(ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await this.boss.complete(INGEST_QUEUE, [...ids]);
  }

  /** A job failed with a reason: retried while it has tries left, then kept as failed with the reason. */
  async fail(id: string, reason: string): Promise<void> {
    await this.boss.fail(INGEST_QUEUE, id, { reason });
  }

  /** Jobs whose taker stopped answering go back to the queue (pg-boss's supervisor also does this on its own). */
  async reclaimExpired(): Promise<void> {
    await this.boss.expire();
  }

  async counts(windowSeconds = 300): Promise<JobCounts> {
    const db = this.boss.getDb();
    const { rows } = await db.executeSql(
      `SELECT state::text AS state, count(*)::int AS count,
         count(*) FILTER (WHERE completed_on > now() - make_interval(secs => $2))::int AS recent,
         extract(epoch FROM now() - min(completed_on) FILTER (WHERE completed_on > now() - make_interval(secs => $2)))
           ::float8 AS since
       FROM (SELECT state, completed_on FROM pgboss.job WHERE name = $1
             UNION ALL SELECT state, completed_on FROM pgboss.archive WHERE name = $1) jobs GROUP BY state`,
      [INGEST_QUEUE, windowSeconds],
    );
    type Row = { state: string; count: number; recent: number; since: number | null };
    const by = new Map((rows as Row[]).map((row) => [row.state, row]));
    const count = (state: string) => by.get(state)?.count ?? 0;
    const finished = ['completed', 'failed'].map((state) => by.get(state));
    const recent = finished.reduce((sum, row) => sum + (row?.recent ?? 0), 0);
    const since = Math.max(0, ...finished.map((row) => row?.since ?? 0));
    // At least a few seconds, so one job that just finished does not make a rate of its own.
    const window = Math.min(windowSeconds, Math.max(since, MIN_RATE_SECONDS));
    const perSecond = recent / window;
    const left = count('created') + count('retry') + count('active');
    return {
      queued: count('created') + count('retry'),
      running: count('active'),
      done: count('completed'),
      failed: count('failed'),
      recent,
      window,
      perSecond,
      etaSeconds: left === 0 ? 0 : perSecond > 0 ? left / perSecond : undefined,
    };
  }

  async failures(limit = 20): Promise<FailedJob[]> {
    const db = this.boss.getDb();
    const { rows } = await db.executeSql(
      `SELECT id::text AS id, data->>'uri' AS uri, coalesce(output->>'reason', output->>'message', output::text) AS reason,
         completed_on AS at
       FROM (SELECT id, data, output, completed_on FROM pgboss.job WHERE name = $1 AND state = 'failed'
             UNION ALL SELECT id, data, output, completed_on FROM pgboss.archive WHERE name = $1 AND state = 'failed') f
       ORDER BY completed_on DESC NULLS LAST LIMIT $2`,
      [INGEST_QUEUE, limit],
    );
    return (rows as { id: string; uri: string; reason: string | null; at: Date | null }[]).map((row) => ({
      id: row.id,
      uri: row.uri,
      reason: row.reason ?? 'unknown',
      at: row.at ? row.at.toISOString() : '',
    }));
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: false, wait: true });
  }
}
