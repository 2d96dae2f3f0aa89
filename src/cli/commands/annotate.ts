import type { Command } from 'commander';
import { parseLayers } from './ingest.js';

export function register(program: Command): void {
  program
    .command('annotate')
    .description('Annotate JSONL records and write one JSON object per line with every layer (the batch interface)')
    .option('--in <file>', 'input JSONL or JSONL.gz file, or - for standard input', '-')
    .option('--out <file>', 'output file, or - for standard output', '-')
    .option('--as-clean-text', 'take each input text as already clean: returned unchanged, offsets line up with it')
    .option('--layers <list>', 'comma-separated layers to compute: entities,quotes,timexes,figures,loaded')
    .addHelpText(
      'after',
      `
Input, one object per line:  {"id": "a1", "text": "...", "html": "...", "url": "...", "published": "2023-02-13T11:41"}
"id" is required, and one of "text" or "html". Output, one line per input line, in input order:
  {"id", "text", "headline", "published": {"value", "estimated"}, "sections", "outlet",
   "entities", "quotes", "timexes", "figures", "loaded"}
Offsets are half-open UTF-16 code units into the output "text". A line that cannot be processed
gives {"id", "error"} and the run goes on; the exit status is then 1. Memory stays flat.

Examples:
  lede annotate --in articles.jsonl --out annotated.jsonl
  zcat dump.jsonl.gz | lede annotate --layers quotes,entities > quotes.jsonl`,
    )
    .action(async (options: { in: string; out: string; asCleanText?: boolean; layers?: string }) => {
      const { annotateStream } = await import('../annotate-stream.js');
      const { failed } = await annotateStream({
        input: options.in,
        output: options.out,
        asCleanText: options.asCleanText ?? false,
        layers: parseLayers(options.layers),
      });
      if (failed > 0) process.exitCode = 1;
    });
}
