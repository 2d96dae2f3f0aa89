import { type FormEvent, useEffect, useRef, useState } from 'react';
import { fetchJson, postJson, useApi } from '../api.js';
import { DocLine, DocLink, ErrorMessage, Load } from '../components.js';
import { href } from '../router.js';
import { useToken } from '../token.js';
import type { Job, QueueState } from '../types.js';
import { ExportForm } from './export-form.js';

const POLL_MS = 700;

/** `#/ingest?job=<id>`: start an ingest, follow a job's progress (the URL survives a reload), export. */
export function IngestView({ params }: { params: URLSearchParams }) {
  const jobId = params.get('job') ?? undefined;
  const [finishedJobs, setFinishedJobs] = useState(0);
  return (
    <section aria-labelledby="ingest-title">
      <h1 id="ingest-title">Ingest and export</h1>
      <div className="ingest-grid">
        <section aria-labelledby="ingest-form-title">
          <h2 id="ingest-form-title">Ingest</h2>
          <IngestForm />
          {jobId ? <JobProgress id={jobId} onFinished={() => setFinishedJobs((count) => count + 1)} /> : null}
          <RecentJobs current={jobId} version={finishedJobs} />
          <WorkerQueue />
        </section>
        <section aria-labelledby="export-title">
          <h2 id="export-title">Export</h2>
          <ExportForm />
        </section>
      </div>
    </section>
  );
}

function IngestForm() {
  const token = useToken();
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  if (!token) {
    return (
      <p className="muted">
        Ingesting writes to the store: enter the server's write token (Enter write token, at the top of the page) first.
      </p>
    );
  }
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const files = values.getAll('files').filter((file): file is File => file instanceof File && file.name !== '');
    const urls = String(values.get('urls') ?? '')
      .split(/\s+/)
      .filter(Boolean);
    if (files.length === 0 && urls.length === 0) {
      setError('Choose at least one file or give at least one URL.');
      return;
    }
    setSending(true);
    setError(undefined);
    try {
      const body = {
        files: await Promise.all(
          files.map(async (file) => ({ name: safeName(file.name), base64: await base64(file) })),
        ),
        urls,
      };
      const job = await postJson<Job>('/api/jobs/ingest', body, token);
      form.reset();
      window.location.hash = href(['ingest'], { job: job.id });
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setSending(false);
    }
  };
  return (
    <form className="stack-form" onSubmit={submit} aria-describedby="ingest-help">
      <p id="ingest-help" className="muted">
        Text dumps, HTML pages, JSONL, WARC and RSS/Atom files, or page and feed URLs: read, cleaned, analysed and
        linked as <code>lede ingest</code> does. The same article twice is stored once.
      </p>
      <label>
        Files <input type="file" name="files" multiple />
      </label>
      <label>
        URLs, one a line
        <textarea name="urls" rows={3} spellCheck={false} placeholder="https://example.org/news/story.html" />
      </label>
      <button type="submit" disabled={sending}>
        {sending ? 'Uploading…' : 'Start ingest'}
      </button>
      <ErrorMessage message={error} />
    </form>
  );
}

/** Polls the job until it has finished; the bar counts records, not bytes. */
function JobProgress({ id, onFinished }: { id: string; onFinished: () => void }) {
  const [job, setJob] = useState<Job>();
  const [error, setError] = useState<string>();
  // The latest callback, without restarting the polling when the parent renders.
  const finished = useRef(onFinished);
  finished.current = onFinished;
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setJob(undefined);
    setError(undefined);
    const poll = async () => {
      try {
        const next = await fetchJson<Job>(`/api/jobs/${encodeURIComponent(id)}`);
        if (stopped) return;
        setJob(next);
        if (next.state !== 'done' && next.state !== 'failed') timer = setTimeout(poll, POLL_MS);
        else finished.current();
      } catch (failure) {
        if (!stopped) setError((failure as Error).message);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [id]);

  if (error) return <ErrorMessage message={error} />;
  if (!job) return <p className="muted">Loading the job…</p>;
  const over = job.state === 'done' || job.state === 'failed';
  return (
    <section className="job" aria-labelledby="job-title">
      <h3 id="job-title">{STATE_TITLES[job.state]}</h3>
      <progress
        aria-labelledby="job-title"
        aria-describedby="job-counts"
        value={over ? job.total || 1 : job.done}
        max={job.total || 1}
      />
      <p id="job-counts" className="job-counts" aria-live="polite">
        {job.done} of {job.total} {job.total === 1 ? 'record' : 'records'} ·{' '}
        {job.queued === undefined ? `${job.ingested} stored` : `${job.queued} queued for the workers`} ·{' '}
        {job.duplicates} already in the store · {job.failed} failed
        {job.current ? ` · reading ${job.current}` : ''}
      </p>
      <LinkSteps job={job} />
      <p className="meta">From {job.inputs.join(', ')}</p>
      <ErrorMessage message={job.error} />
      <FailureList title={`Failures (${job.failed})`} failures={job.failures} open={over} />
      {job.state === 'done' && job.ids.length > 0 ? (
        <>
          <h4>Stored</h4>
          <ul className="stored">
            {job.stored.map((doc) => (
              <li key={doc.id}>
                <DocLink doc={doc} /> <DocLine doc={doc} />
              </li>
            ))}
          </ul>
          {job.ingested > job.stored.length ? (
            <p className="muted">and {job.ingested - job.stored.length} more</p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** What linking has done and is doing: each finished step with its time, then the one running. */
function LinkSteps({ job }: { job: Job }) {
  if (job.linkedSteps.length === 0 && !job.linkStep) return null;
  const running = job.linkStep;
  return (
    <p className="meta" aria-live="polite">
      Linking: {job.linkedSteps.map((step) => `${step.step} ✓ (${step.seconds.toFixed(1)} s)`).join(' · ')}
      {running
        ? `${job.linkedSteps.length > 0 ? ' · ' : ''}${running.step}${
            running.total ? ` ${running.done ?? 0} of ${running.total} documents` : ''
          }…`
        : ''}
    </p>
  );
}

const STATE_TITLES: Record<Job['state'], string> = {
  queued: 'Waiting for an earlier ingest to finish',
  running: 'Ingesting',
  linking: 'Linking the corpus (versions, stories, entities, claims)',
  done: 'Ingest finished',
  failed: 'Ingest stopped',
};

function RecentJobs({ current, version }: { current?: string; version: number }) {
  const loaded = useApi<{ jobs: Job[] }>('/api/jobs', version);
  return (
    <Load loaded={loaded}>
      {({ jobs }) =>
        jobs.length === 0 ? null : (
          <details className="recent-jobs">
            <summary>Recent ingests on this server ({jobs.length})</summary>
            <ul>
              {jobs.map((job) => (
                <li key={job.id}>
                  <a href={href(['ingest'], { job: job.id })} aria-current={job.id === current ? 'true' : undefined}>
                    {new Date(job.createdAt).toLocaleString()}
                  </a>{' '}
                  <span className="muted">
                    {job.state}: {job.queued === undefined ? `${job.ingested} stored` : `${job.queued} queued`} of{' '}
                    {job.total}, {job.inputs.length} {job.inputs.length === 1 ? 'input' : 'inputs'}
                  </span>
                </li>
              ))}
            </ul>
          </details>
        )
      }
    </Load>
  );
}

/** Inputs or records that failed, each with its reason; nothing when there are none. */
function FailureList({
  title,
  failures,
  open = false,
}: {
  title: string;
  failures: { uri: string; reason: string }[];
  open?: boolean;
}) {
  if (failures.length === 0) return null;
  return (
    <details open={open}>
      <summary>{title}</summary>
      <ul className="failures">
        {failures.map((failure, index) => (
          // A record can fail twice with one reason (two tries), so the place in the list keeps keys apart.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered
          <li key={`${failure.uri}:${index}`}>
            <code>{failure.uri}</code>: {failure.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}

const QUEUE_POLL_MS = 5000;

/**
 * The queue `lede worker` processes drain, when the store is PostgreSQL (on SQLite GET /api/queue
 * says there is none, and nothing is shown): as `lede jobs` prints it, refreshed every few seconds.
 */
function WorkerQueue() {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((count) => count + 1), QUEUE_POLL_MS);
    return () => clearInterval(timer);
  }, []);
  const loaded = useApi<QueueState>('/api/queue', tick);
  if (loaded.state !== 'ok' || !loaded.data.available) return null;
  const queue = loaded.data;
  return (
    <section className="job" aria-labelledby="queue-title">
      <h3 id="queue-title">Worker queue</h3>
      <p className="job-counts" aria-live="polite">
        {queue.queued} queued · {queue.running} running · {queue.done} done · {queue.failed} failed ·{' '}
        {queue.perMinute.toFixed(1)} per minute · {eta(queue)}
      </p>
      <FailureList title={`Latest failed records (${queue.failed})`} failures={queue.failures} />
    </section>
  );
}

function eta(queue: QueueState): string {
  if (queue.queued + queue.running === 0) return 'nothing left';
  if (queue.etaSeconds === null) return 'no record finished lately: is a worker running?';
  if (queue.etaSeconds < 1) return 'under a second left';
  const minutes = queue.etaSeconds / 60;
  return minutes < 1.5 ? `about ${Math.round(queue.etaSeconds)} s left` : `about ${Math.round(minutes)} min left`;
}

/** File names the server accepts: letters, digits, dot, dash and underscore; the extension kept. */
export function safeName(name: string): string {
  const cleaned = name.replace(/[^\w.-]+/g, '_').slice(-100);
  return /^\.*$/.test(cleaned) ? 'upload' : cleaned;
}

/** A file's bytes as base64, read by the browser (large files are not split into strings by hand). */
function base64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
}
