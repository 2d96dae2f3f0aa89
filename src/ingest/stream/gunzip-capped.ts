import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { formatBytes } from './format-bytes.js';

/** Bounds on what one gzip input may decompress to. */
export interface InflateLimits {
  /** Largest decompressed size of one file: the time any single input may take is bounded too. */
  maxBytes: number;
  /** Largest decompressed/compressed ratio. Text gzips 3–10 times; deflate's ceiling, ~1,030, is a bomb of one repeated byte. */
  maxRatio: number;
}

export const DEFAULT_INFLATE_LIMITS: InflateLimits = { maxBytes: 8 * 1024 ** 3, maxRatio: 100 };

/** Below this much output the ratio is not judged: a small file of repeated lines may legitimately shrink far. */
const RATIO_FLOOR_BYTES = 1024 * 1024;

/** The decompressed stream passed a limit: the input is refused from there on, the rest of the batch carries on. */
export class InflateLimitError extends Error {
  override name = 'InflateLimitError';
}

/** A decompressed byte stream that can be abandoned before its end. */
export interface ByteSource extends AsyncIterable<Buffer> {
  destroy(): void;
}

/**
 * Gunzips `source` (multi-member archives included) and throws an InflateLimitError as soon as the
 * output passes `limits.maxBytes` or `limits.maxRatio` times the compressed bytes read so far, so a
 * compression bomb is stopped after a few megabytes instead of filling memory. The error comes after
 * every chunk before it, so the records ahead of a bomb are still read.
 */
export function gunzipCapped(source: Readable, limits: InflateLimits = DEFAULT_INFLATE_LIMITS): ByteSource {
  const inflater = createGunzip();
  const gunzip: Readable = pipeline(source, inflater, () => {});
  async function* checked(): AsyncGenerator<Buffer> {
    let inflated = 0;
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      // bytesWritten counts the compressed bytes zlib has consumed, not those read ahead from the file:
      // a 1 MB bomb read in one go would otherwise be allowed 100 MB.
      const problem = limitProblem(limits, inflater.bytesWritten, inflated);
      if (problem) {
        gunzip.destroy();
        throw new InflateLimitError(problem);
      }
      yield chunk;
    }
  }
  return { [Symbol.asyncIterator]: checked, destroy: () => gunzip.destroy() };
}

function limitProblem(limits: InflateLimits, compressed: number, inflated: number): string | undefined {
  if (inflated > limits.maxBytes) return `decompresses to more than ${formatBytes(limits.maxBytes)}`;
  if (inflated > RATIO_FLOOR_BYTES && inflated > compressed * limits.maxRatio) {
    const sizes = `${formatBytes(compressed)} became ${formatBytes(inflated)}`;
    return `decompresses to more than ${limits.maxRatio} times its size (${sizes}): refused as a compression bomb`;
  }
  return undefined;
}
