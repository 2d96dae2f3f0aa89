import type { Command } from 'commander';
import { parseLayers } from './ingest.js';

export function register(program: Command): void {
  program
    .command('bench')
    .description('Benchmarks (not tests): ingest throughput and peak memory on the real news corpus, replicated')
    .option('--sizes <list>', 'comma-separated corpus sizes', '10000,50000')
    .option('--layers <list>', 'layers to compute while ingesting (default: all)')
    .option('--workers <n>', 'worker threads (default: one per core)', Number)
    .action(async (options: { sizes: string; layers?: string; workers?: number }) => {
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
