import { lstat, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isUrl } from './expand.js';

export interface InputSize {
  /** Bytes in the local files the inputs name (compressed size for .gz: what is read from disk). */
  bytes: number;
  files: number;
  /** URLs, whose size is known only once fetched. */
  urls: number;
}

/**
 * The size of the work ahead, by stat alone (no file is opened), so progress can be shown against a
 * total before the first record is read. A walk does not follow symlinks: a file reached only
 * through one is read but not counted here, which the progress line tolerates (the total grows).
 */
export async function measureInputs(inputs: readonly string[]): Promise<InputSize> {
  const size: InputSize = { bytes: 0, files: 0, urls: 0 };
  for (const input of inputs) {
    if (isUrl(input)) size.urls++;
    else await measurePath(input, size, true);
  }
  return size;
}

async function measurePath(path: string, size: InputSize, given: boolean): Promise<void> {
  // An unreadable path is counted as nothing: the read that follows reports it by name.
  const info = await (given ? stat(path) : lstat(path)).catch(() => undefined);
  if (!info) return;
  if (info.isFile()) {
    size.bytes += info.size;
    size.files++;
  } else if (info.isDirectory()) {
    const names = await readdir(path).catch(() => [] as string[]);
    for (const name of names) if (!name.startsWith('.')) await measurePath(join(path, name), size, false);
  }
}
