import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
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

/** Expands command-line inputs into files (folders walked recursively, in name order) and URLs. */
export async function* expandInputs(inputs: readonly string[]): AsyncIterable<Source> {
  for (const input of inputs) {
    if (isUrl(input)) {
      yield { kind: 'url', url: input };
      continue;
    }
    yield* expandPath(input, new Set());
  }
}

async function* expandPath(path: string, seen: Set<string>): AsyncIterable<Source> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    yield { kind: 'error', uri: path, reason: describeFsError(error) };
    return;
  }
  if (info.isDirectory()) {
    const key = `${info.dev}:${info.ino}`;
    if (seen.has(key)) return;
    seen.add(key);
    let names: string[];
    try {
      names = (await readdir(path)).filter((name) => !name.startsWith('.')).sort();
    } catch (error) {
      yield { kind: 'error', uri: path, reason: describeFsError(error) };
      return;
    }
    for (const name of names) yield* expandPath(join(path, name), seen);
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
  return errorMessage(error);
}
