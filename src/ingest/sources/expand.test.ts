import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandInputs, type Source } from './expand.js';

let outside: string;
let folder: string;
beforeAll(async () => {
  outside = await mkdtemp(join(tmpdir(), 'lede-outside-'));
  await writeFile(join(outside, 'secret.txt'), 'not to be read');
  folder = await mkdtemp(join(tmpdir(), 'lede-walk-'));
  await mkdir(join(folder, 'sub'));
  await writeFile(join(folder, 'a.txt'), 'a');
  await writeFile(join(folder, 'sub', 'b.txt'), 'b');
  await symlink(join(outside, 'secret.txt'), join(folder, 'out-file.txt'));
  await symlink(outside, join(folder, 'out-dir'));
  await symlink(folder, join(folder, 'sub', 'loop-up'));
  await symlink(join(folder, 'self'), join(folder, 'self'));
  await symlink(join(folder, 'missing.txt'), join(folder, 'broken.txt'));
  await symlink(join(folder, 'sub', 'b.txt'), join(folder, 'z-inside.txt'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

function describeSource(source: Source): string {
  if (source.kind === 'file') return `file ${source.file.path.slice(folder.length + 1)}`;
  if (source.kind === 'url') return `url ${source.url}`;
  return `error ${source.uri.slice(folder.length + 1)}: ${source.reason}`;
}

describe('expandInputs folder walk', () => {
  it('stays inside the folder given: symlinks out are skipped by name, loops walked once, in-folder links followed', async () => {
    const sources: string[] = [];
    for await (const source of expandInputs([folder])) sources.push(describeSource(source));
    expect(sources).toEqual([
      'file a.txt',
      'error broken.txt: a broken symlink: what it points to does not exist',
      `error out-dir: skipped: a symlink to ${outside}, outside the folder ${folder} being read`,
      `error out-file.txt: skipped: a symlink to ${join(outside, 'secret.txt')}, outside the folder ${folder} being read`,
      'error self: a symlink loop: it never leads to a file or folder',
      'file sub/b.txt',
      'file z-inside.txt',
    ]);
  });

  it('follows a symlink named on the command line: the user chose it', async () => {
    const sources: string[] = [];
    for await (const source of expandInputs([join(folder, 'out-file.txt')])) sources.push(source.kind);
    expect(sources).toEqual(['file']);
  });
});
