import type { Command } from 'commander';
import { printJson, withStore } from '../context.js';
import { loadQuery } from '../load-query.js';

const HELP = `
Technique counts per 1,000 words for each outlet (with --by-month, each outlet and month), pooled
over the outlet's articles, so outlets can be compared with one another and over time. The same
model scores every outlet; it never reads who published a text.

The first line gives the model's precision at its shipped thresholds (5-fold cross-validation on
the PTC corpus): the share of highlighted text that annotators also marked. Read rates with it.

Examples:
  lede framing
  lede framing --by-month --outlet "Press TV" --from 2020-01-01
  lede framing --json`;

export function register(program: Command): void {
  program
    .command('framing')
    .description('Loaded language and propaganda techniques per 1,000 words, by outlet (and month)')
    .option('--by-month', 'one row per outlet and month of publication')
    .option('--outlet <name>', 'only this outlet')
    .option('--from <date>', 'published on or after (YYYY-MM-DD)')
    .option('--to <date>', 'published on or before (YYYY-MM-DD)')
    .option('--top <n>', 'techniques shown per row', Number, 3)
    .option('--json', 'print {"model", "documents", "withoutLayer", "outlets": [...]}')
    .addHelpText('after', HELP)
    .action(
      async (
        options: { byMonth?: boolean; outlet?: string; from?: string; to?: string; top: number; json?: boolean },
        command: Command,
      ) => {
        const { framingReport } = await loadQuery();
        await withStore(command, (store) => {
          const report = framingReport(
            store,
            { outlet: options.outlet, from: options.from, to: options.to },
            options.byMonth === true,
          );
          if (options.json) return printJson(report);
          const { model } = report;
          process.stdout.write(
            `model precision at its thresholds (cross-validated on PTC): all techniques ${fixed(model.siPrecision)}, ` +
              `Loaded_Language ${fixed(model.loadedPrecision)}\n`,
          );
          if (report.withoutLayer > 0)
            process.stdout.write(
              `${report.withoutLayer} of ${report.documents} documents have no loaded layer and are left out\n`,
            );
          if (report.outlets.length === 0) {
            process.stdout.write('no documents with a loaded layer\n');
            return;
          }
          process.stdout.write(
            `${'outlet'.padEnd(24)} ${'period'.padEnd(8)} ${'articles'.padStart(8)} ${'words'.padStart(9)} ${'spans'.padStart(6)} ${'per 1k'.padStart(7)}  top techniques per 1,000 words\n`,
          );
          for (const row of report.outlets) {
            const total = row.words === 0 ? 0 : (row.spans / row.words) * 1000;
            const top = Object.entries(row.perThousandWords)
              .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
              .slice(0, options.top)
              .map(([technique, rate]) => `${technique} ${rate.toFixed(2)}`)
              .join(', ');
            process.stdout.write(
              `${row.outlet.slice(0, 24).padEnd(24)} ${row.period.padEnd(8)} ${String(row.articles).padStart(8)} ${String(row.words).padStart(9)} ${String(row.spans).padStart(6)} ${total.toFixed(2).padStart(7)}  ${top}\n`,
            );
          }
        });
      },
    );
}

function fixed(value: number | undefined): string {
  return value === undefined ? 'unknown' : value.toFixed(2);
}
