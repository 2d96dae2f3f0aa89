import { spawn, spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const LEDE = resolve(ROOT, 'bin/lede.js');

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the real, built `lede` command. */
export function lede(args: string[], options: { input?: string; env?: Record<string, string> } = {}): CliResult {
  const result = spawnSync(process.execPath, [LEDE, ...args], {
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, CI: '1', ...options.env },
    timeout: 120_000,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Starts a long-running `lede` command (serve) and resolves once it prints its address. */
export function ledeServer(args: string[]): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [LEDE, ...args], { env: { ...process.env, CI: '1' } });
  return new Promise((resolvePromise, reject) => {
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /serving .* at (http:\/\/\S+)/.exec(stderr);
      if (match?.[1]) resolvePromise({ url: match[1], stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`lede exited with ${code}: ${stderr}`)));
  });
}
