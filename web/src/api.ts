import { useEffect, useState } from 'react';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function fetchJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return readJson<T>(await fetch(path, { signal, headers: { accept: 'application/json' } }));
}

/** A write: POSTs `body` as JSON (none when undefined) with the bearer token. */
export async function postJson<T>(path: string, body: unknown, token: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return readJson<T>(
    await fetch(path, { method: 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body) }),
  );
}

/** The body as JSON; a failed request throws with the message of the API's `{error}` body. */
async function readJson<T>(response: Response): Promise<T> {
  const body = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (body as { error?: { code: string; message: string } } | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? 'HTTP', error?.message ?? response.statusText);
  }
  return body as T;
}

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: ApiError | Error } | { state: 'ok'; data: T };

/**
 * Fetches `path` whenever it (or `version`: bump it to fetch again after a write) changes, dropping
 * answers to requests that are no longer current.
 */
export function useApi<T>(path: string | undefined, version = 0): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version is the signal to fetch again
  useEffect(() => {
    if (!path) return;
    const controller = new AbortController();
    setLoaded((previous) => (previous.state === 'ok' ? previous : { state: 'loading' }));
    fetchJson<T>(path, controller.signal).then(
      (data) => setLoaded({ state: 'ok', data }),
      (error: Error) => {
        if (error.name !== 'AbortError') setLoaded({ state: 'error', error });
      },
    );
    return () => controller.abort();
  }, [path, version]);
  return loaded;
}

/** A query string from the defined, non-empty values. */
export function toQuery(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
