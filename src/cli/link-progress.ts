import type { LinkOptions, LinkProgress, LinkSummary } from '../pipeline/index.js';
import type { Store } from '../store/index.js';
import { createProgress, progressEnabled } from './progress.js';

/**
 * Links the corpus with the default corpus steps, showing on a terminal a bar while documents are
 * placed into versions and stories, then each corpus step as it runs and the time it took.
 */
export async function linkWithProgress(store: Store, options: Pick<LinkOptions, 'rebuild'> = {}): Promise<LinkSummary> {
  const { linkCorpus, CORPUS_STEPS } = await import('../pipeline/index.js');
  const bar = await createProgress('linking {step} {bar} {value}/{total} documents | {left} left', 'linking {step}…');
  const lines = progressEnabled();
  const onProgress = (progress: LinkProgress) => {
    if (progress.seconds !== undefined) {
      bar.stop();
      if (lines) process.stderr.write(`linked ${progress.step} (${progress.seconds.toFixed(1)} s)\n`);
    } else bar.update(progress.done ?? 0, progress.total, { step: progress.step });
  };
  try {
    return await linkCorpus(store, CORPUS_STEPS, { ...options, onProgress });
  } finally {
    bar.stop();
  }
}
