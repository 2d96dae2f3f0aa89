import { pipeline, type Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

export class OverCapError extends Error {
  override name = 'OverCapError';
}

/**
 * Reads a response body, decompressed, stopping as soon as either the bytes on the wire or the
 * decompressed bytes pass `maxBytes`, so neither a huge page nor a compression bomb is held.
 */
export async function readCappedBody(
  body: Readable,
  contentEncoding: string | undefined,
  maxBytes: number,
  cap: string,
) {
  let wireBytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      wireBytes += chunk.length;
      callback(wireBytes > maxBytes ? new OverCapError(cap) : null, chunk);
    },
  });
  const decoder = createDecoder(contentEncoding);
  const ignore = () => {};
  const source: Readable = decoder ? pipeline(body, counter, decoder, ignore) : pipeline(body, counter, ignore);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) throw new OverCapError(cap);
      chunks.push(chunk);
    }
  } finally {
    if (!body.destroyed) body.destroy();
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}

function createDecoder(contentEncoding: string | undefined) {
  const encoding = contentEncoding?.trim().toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return createGunzip();
  if (encoding === 'deflate') return createInflate();
  if (encoding === 'br') return createBrotliDecompress();
  return undefined;
}
