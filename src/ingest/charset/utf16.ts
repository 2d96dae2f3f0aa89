import { pipeline, type Readable, Transform } from 'node:stream';
import iconv from 'iconv-lite';

export type Utf16Charset = 'utf-16le' | 'utf-16be';

/** The UTF-16 flavour a byte-order mark announces (UTF-16 text is full of NUL bytes, so binary sniffing must ask first). */
export function utf16Bom(head: Uint8Array): Utf16Charset | undefined {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** A UTF-16 stream (BOM dropped) re-encoded as UTF-8, for readers that split lines on bytes. */
export function utf16ToUtf8(source: Readable, charset: Utf16Charset): Readable {
  const decoder = iconv.getDecoder(charset);
  const reencode = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, Buffer.from(decoder.write(chunk), 'utf8'));
    },
    flush(callback) {
      callback(null, Buffer.from(decoder.end() ?? '', 'utf8'));
    },
  });
  return pipeline(source, reencode, () => {});
}
