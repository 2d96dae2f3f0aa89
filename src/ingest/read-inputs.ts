import { pipeline, Transform } from 'node:stream';
import { errorMessage } from '../errors.js';
import { readUrl } from './fetch/index.js';
import type { InputFile, ReadContext } from './reader.js';
import { chooseReader } from './readers.js';
import type { ReadResult } from './record.js';
import { expandInputs } from './sources/index.js';

export interface ReadWatchers {
  /** Each input as its reading starts. */
  onSource?: (uri: string) => void;
  /** Bytes read from local files so far (compressed bytes for a .gz), as they are read. */
  onBytes?: (bytes: number) => void;
}

/**
 * Every record of every input, in order, with a failure in place of each input (or part of an
 * input) that could not be read. Nothing here throws for bad input: the caller stores what it can.
 */
export async function* readInputs(
  inputs: readonly string[],
  context: ReadContext,
  watchers: ReadWatchers = {},
): AsyncIterable<ReadResult> {
  const { onSource, onBytes } = watchers;
  let bytesRead = 0;
  const count = (bytes: number) => {
    bytesRead += bytes;
    onBytes?.(bytesRead);
  };
  for await (const source of expandInputs(inputs)) {
    onSource?.(source.kind === 'file' ? source.file.path : source.kind === 'url' ? source.url : source.uri);
    if (source.kind === 'error') {
      yield { failure: { uri: source.uri, reason: source.reason } };
    } else if (source.kind === 'url') {
      yield* readUrl(source.url, context);
    } else {
      const reader = chooseReader(source.file);
      if (!reader) {
        yield {
          failure: {
            uri: source.file.path,
            reason: 'unrecognised format (expected text, HTML, JSONL, WARC or a feed)',
          },
        };
        continue;
      }
      try {
        yield* reader.read(onBytes ? countingReads(source.file, count) : source.file, context);
      } catch (error) {
        yield { failure: { uri: source.file.path, reason: `${reader.name} reader failed: ${errorMessage(error)}` } };
      }
    }
  }
}

/** The same file, telling `count` of every chunk read from it. */
function countingReads(file: InputFile, count: (bytes: number) => void): InputFile {
  return {
    ...file,
    readAll: async () => {
      const bytes = await file.readAll();
      count(bytes.length);
      return bytes;
    },
    stream: () =>
      // pipeline, not pipe: a read error on the file reaches the reader through the counter.
      pipeline(
        file.stream(),
        new Transform({
          transform(chunk: Buffer, _encoding, done) {
            count(chunk.length);
            done(null, chunk);
          },
        }),
        () => {},
      ),
  };
}
