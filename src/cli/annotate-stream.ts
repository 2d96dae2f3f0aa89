import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { errorMessage } from '../errors.js';
import { parseJsonlLine } from '../ingest/index.js';
import type { LayerName } from '../model/index.js';
import { analyseRecord, createDefaultPipeline, toBatchRecord } from '../pipeline/index.js';

export interface AnnotateOptions {
  input: string;
  output: string;
  asCleanText: boolean;
  layers?: ReadonlySet<LayerName>;
}

/** Streams JSONL in, one annotated JSON line out per input line, in order; memory stays flat. */
export async function annotateStream(options: AnnotateOptions): Promise<{ processed: number; failed: number }> {
  const pipeline = await createDefaultPipeline();
  const input = await openInput(options.input);
  const output: Writable = options.output === '-' ? process.stdout : createWriteStream(options.output);
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let processed = 0;
  let failed = 0;
  let lineNumber = 0;
  const write = async (value: unknown) => {
    if (!output.write(`${JSON.stringify(value)}\n`)) await once(output, 'drain');
  };
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    processed++;
    const id = peekId(line);
    const result = parseJsonlLine(line, `line ${lineNumber}`);
    if (id === undefined) {
      failed++;
      await write({ id: null, error: `line ${lineNumber}: missing "id"` });
      continue;
    }
    if ('failure' in result) {
      failed++;
      await write({ id, error: result.failure.reason });
      continue;
    }
    try {
      const doc = analyseRecord(result.record, pipeline, options.layers, undefined, {
        asCleanText: options.asCleanText,
      });
      await write(toBatchRecord(id, doc));
    } catch (error) {
      failed++;
      await write({ id, error: errorMessage(error) });
    }
  }
  if (output !== process.stdout) {
    output.end();
    await once(output, 'finish');
  }
  return { processed, failed };
}

async function openInput(path: string): Promise<Readable> {
  const raw: Readable = path === '-' ? process.stdin : createReadStream(path);
  if (path.endsWith('.gz')) return raw.pipe(createGunzip());
  return raw;
}

/** The record's id as a string, even when the rest of the line is invalid, so the error line can name it. */
function peekId(line: string): string | undefined {
  try {
    const value = JSON.parse(line) as { id?: unknown };
    if (typeof value.id === 'string' || typeof value.id === 'number') return String(value.id);
  } catch {
    const match = /"id"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(line);
    if (match?.[1]) return match[1];
  }
  return undefined;
}
