/** A progress line on a terminal (stderr), nothing when output is piped or in CI. */
export interface Progress {
  /**
   * `total` undefined: the amount of work is not known (URLs, a feed still being read), so the line
   * shows counts and rate but no bar and no time left, rather than a bar that is always full.
   */
  update(done: number, total: number | undefined, fields: Record<string, string | number>): void;
  stop(): void;
}

export function progressEnabled(): boolean {
  return Boolean(process.stderr.isTTY) && !process.env.CI;
}

/**
 * `format` is cli-progress's format with `{bar}`, `{percentage}`, `{value}`, `{total}`, `{left}` (time
 * left at the rate so far, `…` until there is one) and payload fields; `unknownTotalFormat` is used
 * while the total is not known.
 */
export async function createProgress(
  format: string,
  unknownTotalFormat: string,
  enabled = progressEnabled(),
): Promise<Progress> {
  if (!enabled) return { update: () => {}, stop: () => {} };
  const { default: cliProgress } = await import('cli-progress');
  const options = { stream: process.stderr, hideCursor: true, clearOnComplete: true, fps: 10, etaBuffer: 50 };
  const known = new cliProgress.SingleBar({ ...options, format }, cliProgress.Presets.shades_classic);
  const unknown = new cliProgress.SingleBar(
    { ...options, format: unknownTotalFormat },
    cliProgress.Presets.shades_classic,
  );
  let active: typeof known | undefined;
  const started = Date.now();
  return {
    update(done, total, allFields) {
      const fields = { ...allFields, left: timeLeft(done, total, (Date.now() - started) / 1000) };
      const bar = total === undefined ? unknown : known;
      if (active !== bar) {
        active?.stop();
        bar.start(total ?? 0, done, fields);
        active = bar;
      }
      if (total !== undefined) bar.setTotal(Math.max(total, done, 1));
      bar.update(done, fields);
    },
    stop() {
      active?.stop();
      active = undefined;
    },
  };
}

export function timeLeft(done: number, total: number | undefined, seconds: number): string {
  if (total === undefined || done <= 0 || seconds < 1) return '…';
  const left = Math.max(0, Math.round(((total - done) * seconds) / done));
  return left >= 60 ? `${Math.floor(left / 60)}m${String(left % 60).padStart(2, '0')}s` : `${left}s`;
}

/** `1 document`, `2 documents`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}
