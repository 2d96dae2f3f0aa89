/** A progress line on a terminal (stderr), nothing when output is piped or in CI. */
export interface Progress {
  update(done: number, fields: Record<string, string | number>): void;
  stop(): void;
}

export async function createProgress(
  format: string,
  enabled = Boolean(process.stderr.isTTY) && !process.env.CI,
): Promise<Progress> {
  if (!enabled) return { update: () => {}, stop: () => {} };
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    { format, stream: process.stderr, hideCursor: true, clearOnComplete: true, fps: 10, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, fields) {
      if (!started) {
        bar.start(0, 0, fields);
        started = true;
      }
      bar.setTotal(Math.max(done, 1));
      bar.update(done, fields);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
