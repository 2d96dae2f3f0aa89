import { createReadStream } from 'node:fs';
import { lstat, open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { Readable } from 'node:stream';
import { errorMessage } from '../../errors.js';
import type { InputFile } from '../reader.js';

export type Source =
  | { kind: 'file'; file: InputFile }
  | { kind: 'url'; url: string }
  | { kind: 'error'; uri: string; reason: string };

const HEAD_BYTES = 8192;

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/**
 * Expands command-line inputs into files (folders walked recursively, in name order) and URLs. A
 * walk never leaves the folder it was given: a symlink inside it that leads outside is skipped with
 * an error naming it, and a folder reached twice (a symlink loop) is walked once.
 */
export async function* expandInputs(inputs: readonly string[]): AsyncIterable<Source> {
  for (const input of inputs) {
    if (isUrl(input)) {
      yield { kind: 'url', url: input };
      continue;
    }
    yield* expandPath(input, undefined);
  }
}

/** The folder given on the command line, by its real path, and the folders walked so far. */
interface Walk {
  given: string;
  root: string;
  seen: Set<string>;
}

async function* expandPath(path: string, walk: Walk | undefined): AsyncIterable<Source> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    const outside = walk && (await symlinkEscape(path, walk));
    if (outside) {
      yield { kind: 'error', uri: path, reason: outside };
      return;
    }
    info = await stat(path);
  } catch (error) {
    yield { kind: 'error', uri: path, reason: describeFsError(error) };
    return;
  }
  if (info.isDirectory()) {
    let names: string[];
    try {
      walk ??= { given: path, root: await realpath(path), seen: new Set() };
      const key = `${info.dev}:${info.ino}`;
      if (walk.seen.has(key)) return;
      walk.seen.add(key);
      names = (await readdir(path)).filter((name) => !name.startsWith('.')).sort();
    } catch (error) {
      yield { kind: 'error', uri: path, reason: describeFsError(error) };
      return;
    }
    for (const name of names) yield* expandPath(join(path, name), walk);
    return;
  }
  if (!info.isFile()) {
    yield { kind: 'error', uri: path, reason: 'not a regular file or folder' };
    return;
  }
  try {
    yield { kind: 'file', file: await openInputFile(path, info.size) };
  } catch (error) {
    yield { kind: 'error', uri: path, reason: describeFsError(error) };
  }
}

/** Why a symlink met in a walk is not followed (it leads outside the folder given), or undefined. */
async function symlinkEscape(path: string, walk: Walk): Promise<string | undefined> {
  if (!(await lstat(path)).isSymbolicLink()) return undefined;
  const target = await realpath(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (target === undefined) return 'a broken symlink: what it points to does not exist';
  if (target === walk.root || target.startsWith(`${walk.root}${sep}`)) return undefined;
  return `skipped: a symlink to ${target}, outside the folder ${walk.given} being read`;
}

export async function openInputFile(path: string, size: number): Promise<InputFile> {
  const handle = await open(path, 'r');
  let head: Uint8Array;
  try {
    const buffer = Buffer.alloc(Math.min(HEAD_BYTES, size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  return {
    path,
    size,
    head,
    readAll: async () => new Uint8Array(await readFile(path)),
    stream: () => createReadStream(path),
  };
}

/** An input held in memory (fetched pages, tests) presented as a file. */
export function memoryInputFile(path: string, bytes: Uint8Array): InputFile {
  return {
    path,
    size: bytes.length,
    head: bytes.subarray(0, HEAD_BYTES),
    readAll: async () => bytes,
    stream: () => Readable.from([Buffer.from(bytes)]),
  };
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied: cannot read it';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'ELOOP') return 'a symlink loop: it never leads to a file or folder';
  return errorMessage(error);
}
