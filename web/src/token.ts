import { useSyncExternalStore } from 'react';

/**
 * The bearer token for writes lives in sessionStorage: it survives a reload, goes with the tab,
 * and never enters a URL (where history, logs and the Referer header would keep it).
 */
const KEY = 'lede-token';
const listeners = new Set<() => void>();

export function readToken(): string | undefined {
  try {
    return sessionStorage.getItem(KEY) ?? undefined;
  } catch {
    // Storage can be disabled; the UI then stays read-only.
    return undefined;
  }
}

export function storeToken(token: string | undefined): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } finally {
    for (const listener of listeners) listener();
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The token, re-rendering when it is entered or forgotten anywhere in the page. */
export function useToken(): string | undefined {
  return useSyncExternalStore(subscribe, readToken);
}
