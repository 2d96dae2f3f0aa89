import { type FormEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { ApiError, toQuery } from '../api.js';
import { ErrorMessage } from '../components.js';
import { RowCounter } from '../export-rows.js';

type Format = 'jsonl' | 'csv';

interface Progress {
  state: 'running' | 'done' | 'failed' | 'cancelled';
  rows: number;
  bytes: number;
  /** Documents the server said it would send (the x-lede-documents header). */
  total?: number;
  error?: string;
  /** The finished file, as an object URL to save. */
  url?: string;
  fileName?: string;
}

const FILTERS = [
  { name: 'outlet', label: 'Outlet (exact)' },
  { name: 'section', label: 'Section (exact)' },
  { name: 'from', label: 'From', placeholder: 'YYYY-MM-DD' },
  { name: 'to', label: 'To', placeholder: 'YYYY-MM-DD' },
] as const;

/**
 * Streams `/api/export` with a reader, counting rows and bytes as they arrive, then offers the file.
 * The whole file is held in the page; the plain link beside it streams straight to disk instead,
 * without progress, for exports larger than a browser tab should hold.
 */
export function ExportForm() {
  const [progress, setProgress] = useState<Progress>();
  const [query, setQuery] = useState('?format=jsonl');
  const controller = useRef<AbortController>(undefined);
  const save = useRef<HTMLAnchorElement>(null);

  useEffect(
    () => () => {
      controller.current?.abort();
    },
    [],
  );
  useEffect(() => {
    const url = progress?.url;
    if (url) save.current?.click();
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [progress?.url]);

  const read = (form: HTMLFormElement) => {
    const values = new FormData(form);
    const format = (values.get('format') === 'csv' ? 'csv' : 'jsonl') as Format;
    const filters = Object.fromEntries(FILTERS.map(({ name }) => [name, String(values.get(name) ?? '').trim()]));
    return { format, search: toQuery({ ...filters, format }) };
  };

  const start = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { format, search } = read(event.currentTarget);
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    const counter = new RowCounter(format);
    setProgress({ state: 'running', rows: 0, bytes: 0 });
    try {
      const response = await fetch(`/api/export${search}`, { signal: abort.signal });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => undefined)) as { error?: { message: string } } | undefined;
        throw new ApiError(response.status, 'HTTP', body?.error?.message ?? response.statusText);
      }
      const header = response.headers.get('x-lede-documents');
      const total = header === null ? undefined : Number(header);
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        counter.add(value);
        setProgress({ state: 'running', rows: counter.rows, bytes: counter.bytes, total });
      }
      const type = format === 'csv' ? 'text/csv' : 'application/x-ndjson';
      setProgress({
        state: 'done',
        rows: counter.rows,
        bytes: counter.bytes,
        total,
        url: URL.createObjectURL(new Blob(chunks, { type })),
        fileName: `lede-export.${format}`,
      });
    } catch (error) {
      const cancelled = (error as Error).name === 'AbortError';
      setProgress({
        state: cancelled ? 'cancelled' : 'failed',
        rows: counter.rows,
        bytes: counter.bytes,
        error: cancelled ? undefined : (error as Error).message,
      });
    }
  };

  return (
    <>
      <form
        className="stack-form"
        onSubmit={start}
        onChange={(event) => setQuery(read(event.currentTarget).search)}
        aria-describedby="export-help"
      >
        <p id="export-help" className="muted">
          Every document matching the filters (all of them when empty), with its clean text, metadata and layers (JSONL)
          or its text and metadata (CSV).
        </p>
        <label>
          Format{' '}
          <select name="format" defaultValue="jsonl">
            <option value="jsonl">JSONL (one document a line)</option>
            <option value="csv">CSV</option>
          </select>
        </label>
        <div className="filters">
          {FILTERS.map((filter) => (
            <label key={filter.name}>
              {filter.label}{' '}
              <input name={filter.name} placeholder={'placeholder' in filter ? filter.placeholder : undefined} />
            </label>
          ))}
        </div>
        <div className="actions">
          <button type="submit" disabled={progress?.state === 'running'}>
            Export with progress
          </button>
          {progress?.state === 'running' ? (
            <button type="button" onClick={() => controller.current?.abort()}>
              Cancel
            </button>
          ) : null}
          <a href={`/api/export${query}`}>Download directly (no progress)</a>
        </div>
      </form>
      {progress ? <ExportProgress progress={progress} saveLink={save} /> : null}
    </>
  );
}

function ExportProgress({ progress, saveLink }: { progress: Progress; saveLink: RefObject<HTMLAnchorElement | null> }) {
  const { rows, total, bytes } = progress;
  return (
    <div className="job">
      {/* Without a count from the server the bar has no value: the browser shows it as busy. */}
      <progress
        aria-label="Export progress"
        value={progress.state === 'done' ? 1 : total ? rows : undefined}
        max={progress.state === 'done' ? 1 : total || 1}
      />
      <p className="job-counts" aria-live="polite">
        {progress.state === 'running' ? 'Receiving: ' : progress.state === 'done' ? 'Done: ' : ''}
        {rows}
        {total !== undefined ? ` of ${total}` : ''} {total === 1 ? 'document' : 'documents'} · {formatBytes(bytes)}
        {progress.state === 'cancelled' ? ' · cancelled' : ''}
      </p>
      <ErrorMessage message={progress.error} />
      {progress.url ? (
        <a ref={saveLink} href={progress.url} download={progress.fileName}>
          Save {progress.fileName} again
        </a>
      ) : null}
    </div>
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
