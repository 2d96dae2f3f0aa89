import type { Command } from 'commander';
import { printJson, withStore } from '../context.js';
import { loadQuery } from '../load-query.js';
import { parsePositiveInt } from '../options.js';

interface TimelineOptions {
  entity?: string;
  from?: string;
  to?: string;
  mentions?: boolean;
  refresh?: boolean;
  limit: number;
  json?: boolean;
}

const EXAMPLES = `
Each entry is one event placed at its normalised date; the same event told by several articles is
one entry listing every source, each with its sentence as evidence. Dates are TIMEX3 values: a
month (2020-01) or a year (2020) when the text is no more precise.

Examples:
  lede timeline                                   every dated event, oldest first
  lede timeline --entity Soleimani --from 2020-01 --to 2020-01
                                                  events of January 2020 naming an entity
  lede timeline --json                            entries with who, where and sources
  lede timeline --mentions --entity "Akram al-Kaabi"
                                                  every dated expression in documents naming him,
                                                  one line per mention (not merged)

The merged timeline is saved in the store and recomputed with --refresh (ingest recomputes it).
--entity matches a name in the event's who/where or its sentences (case-insensitive); with
--mentions it is an exact canonical entity name. --from/--to bound the event date, by prefix.`;

export function register(program: Command): void {
  program
    .command('timeline')
    .description('Events in date order, each with its evidence and every source that tells it')
    .option('--entity <name>', 'only events naming this entity')
    .option('--from <date>', 'events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'events on or before this date')
    .option('--mentions', 'every dated expression and event from the index, not merged into entries')
    .option('--refresh', 'rebuild the merged timeline from the stored documents first')
    .option('--limit <n>', 'at most N entries', parsePositiveInt, 200)
    .option('--json', 'print JSON')
    .addHelpText('after', EXAMPLES)
    .action(async (options: TimelineOptions, command: Command) => {
      const { mergedTimeline, timelineMentions } = await loadQuery();
      await withStore(command, async (store) => {
        if (options.mentions) {
          const entries = await timelineMentions(store, {
            entity: options.entity,
            from: options.from,
            to: options.to,
            limit: options.limit,
          });
          if (options.json) return printJson({ entries });
          for (const entry of entries)
            process.stdout.write(
              `${entry.date.padEnd(10)}  ${entry.layer.padEnd(7)}  ${entry.doc.id.slice(0, 12)}  ${entry.doc.outlet ?? '-'}  ${entry.text.replace(/\s+/g, ' ')}\n`,
            );
          process.stdout.write(`${entries.length} mentions\n`);
          return;
        }
        const query = { entity: options.entity, from: options.from, to: options.to, limit: options.limit };
        const entries =
          (await mergedTimeline(store, { ...query, recompute: options.refresh === true })) ??
          (await mergedTimeline(store, { ...query, recompute: true })) ??
          [];
        if (options.json) return printJson({ entries });
        if (entries.length === 0) {
          process.stdout.write('no dated events match\n');
          return;
        }
        for (const entry of entries) {
          const sources = entry.sources.length;
          process.stdout.write(`${entry.shown}  ${entry.what}  (${sources} source${sources === 1 ? '' : 's'})\n`);
          if (entry.who.length > 0) process.stdout.write(`    who:   ${entry.who.join('; ')}\n`);
          if (entry.where.length > 0) process.stdout.write(`    where: ${entry.where.join('; ')}\n`);
          for (const source of entry.sources)
            process.stdout.write(
              `    - ${source.source.docId.slice(0, 12)} (${source.source.name}) ${source.source.outlet ?? '-'}: ${source.text.replace(/\s+/g, ' ').trim()}\n`,
            );
        }
        process.stdout.write(`${entries.length} entries\n`);
      });
    });
}
