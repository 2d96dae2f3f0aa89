import { spawnSync } from 'node:child_process';
import { LEDE_BIN } from '../resources/index.js';

export interface LedeRun<T> {
  /** What the command printed with `--json`. */
  output: T;
  seconds: number;
  /** The process's own peak memory, measured apart from the benchmark that started it. */
  peakRssMb: number;
}

/** Runs `lede ARGS --json` as its own process and reads its JSON, wall time and peak RSS. */
export function runLede<T>(args: readonly string[]): LedeRun<T> {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [LEDE_BIN, ...args, '--json'], {
    encoding: 'utf8',
    env: { ...process.env, LEDE_REPORT_PEAK_RSS: '1' },
    maxBuffer: 1 << 30,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // Exit 1 is an ingest that stored what it could and reports failures: still a measurement.
  if (child.status !== 0 && child.status !== 1) throw new Error(`lede ${args[0] ?? ''} failed: ${child.stderr}`);
  const peak = /peak-rss-kb (\d+)/.exec(child.stderr)?.[1];
  return { output: JSON.parse(child.stdout) as T, seconds, peakRssMb: peak ? Number(peak) / 1024 : Number.NaN };
}
