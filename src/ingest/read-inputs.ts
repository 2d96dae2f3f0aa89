import { errorMessage } from '../errors.js';
import { readUrl } from './fetch/index.js';
import type { ReadContext } from './reader.js';
import { chooseReader } from './readers.js';
import type { ReadResult } from './record.js';
import { expandInputs } from './sources/index.js';

/**
 * Every record of every input, in order, with a failure in place of each input (or part of an
 * input) that could not be read. Nothing here throws for bad input: the caller stores what it can.
 */
export async function* readInputs(
  inputs: readonly string[],
  context: ReadContext,
  onSource?: (uri: string) => void,
): AsyncIterable<ReadResult> {
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
        yield* reader.read(source.file, context);
      } catch (error) {
        yield { failure: { uri: source.file.path, reason: `${reader.name} reader failed: ${errorMessage(error)}` } };
      }
    }
  }
}
