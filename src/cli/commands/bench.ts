import type { Command } from 'commander';
import { parseLayers } from './ingest.js';

export function register(program: Command): void {
  program
    .command('bench')
    .description('Benchmarks (not tests): ingest throughput and peak memory on the real news corpus, replicated')
    .option('--sizes <list>', 'comma-separated corpus sizes', '10000,50000')
    .option('--layers <list>', 'layers to compute while ingesting (default: all)')
    .option('--workers <n>', 'worker threads (default: one per core)', Number)
    .option(
      '--grow <list>',
      'instead: build a linked store of each size (e.g. 2000,10000), then ingest and link 25 new documents into it',
    )
    .option(
      '--long <list>',
      'instead: analyse one document of each size in KB (e.g. 400,1600) with every layer and print µs per KB by stage',
    )
    .action(async (options: { sizes: string; layers?: string; workers?: number; long?: string; grow?: string }) => {
      if (options.grow) {
        const { benchGrowth } = await import('../../bench/growth-bench.js');
        process.stdout.write('a growing corpus: 25 new documents ingested and linked into a store of each size\n');
        await benchGrowth({
          sizes: options.grow.split(',').map((size) => Number(size.trim())),
          workers: options.workers,
          log: (line) => process.stdout.write(`${line}\n`),
        });
        return;
      }
      if (options.long) {
        const { benchLongDocuments } = await import('../../bench/long-document-bench.js');
        process.stdout.write('long documents: clean and every stage on one document, µs per KB (flat = linear)\n');
        await benchLongDocuments(
          options.long.split(',').map((size) => Number(size.trim())),
          (line) => process.stdout.write(`${line}\n`),
        );
        return;
      }
      const { benchIngest } = await import('../../bench/ingest-bench.js');
      const sizes = options.sizes.split(',').map((size) => Number(size.trim()));
      process.stdout.write(`ingest: read, clean, analyse (${options.layers ?? 'all layers'}) and store, one process\n`);
      await benchIngest({
        sizes,
        layers: parseLayers(options.layers),
        workers: options.workers,
        log: (line) => process.stdout.write(`${line}\n`),
      });
    });
}
