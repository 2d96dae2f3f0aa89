import type { Command } from 'commander';
import type { Store } from '../../store/index.js';
import { printJson, withStore } from '../context.js';
import { loadQuery, type QueryLayer } from '../load-query.js';
import { parsePositiveInt } from '../options.js';

interface FramingOptions {
  byMonth?: boolean;
  outlet?: string;
  from?: string;
  to?: string;
  top: number;
  examples?: boolean;
  technique?: string;
  oldest?: boolean;
  limit: number;
  offset: number;
  json?: boolean;
}

const HELP = `
Technique counts per 1,000 words for each outlet (with --by-month, each outlet and month), pooled
over the outlet's articles, so outlets can be compared with one another and over time. The same
model scores every outlet; it never reads who published a text.

The first line gives the model's precision at its shipped thresholds (5-fold cross-validation on
the PTC corpus): the share of highlighted text that annotators also marked. Read rates with it.

With --examples, the spans behind the rates instead, newest first, each in its sentence with the
technique and the model's reason, so a reader can judge what was counted (open one with
\`lede show <document id>\`).

Examples:
  lede framing
  lede framing --by-month --outlet "Press TV" --from 2020-01-01
  lede framing --json
  lede framing --examples --technique Loaded_Language --outlet "Press TV" --limit 10
  lede framing --examples --offset 20                  the second page of 20`;

export function register(program: Command): void {
  program
    .command('framing')
    .description('Loaded language and propaganda techniques per 1,000 words, by outlet (and month)')
    .option('--by-month', 'one row per outlet and month of publication')
    .option('--outlet <name>', 'only this outlet')
    .option('--from <date>', 'published on or after (YYYY-MM-DD)')
    .option('--to <date>', 'published on or before (YYYY-MM-DD)')
    .option('--top <n>', 'techniques shown per row', Number, 3)
    .option('--examples', 'list the loaded-language spans themselves, a page at a time')
    .option('--technique <name>', 'with --examples: only this technique (e.g. Loaded_Language, Doubt)')
    .option('--oldest', 'with --examples: oldest first')
    .option('--limit <n>', 'with --examples: at most N spans', parsePositiveInt, 20)
    .option('--offset <n>', 'with --examples: skip this many', parsePositiveInt, 0)
    .option(
      '--json',
      'print {"model", "documents", "withoutLayer", "outlets": [...]} ({"total", "techniques", "examples"} with --examples)',
    )
    .addHelpText('after', HELP)
    .action(async (options: FramingOptions, command: Command) => {
      const query = await loadQuery();
      await withStore(command, (store) =>
        options.examples ? showExamples(query, store, options) : showRates(query, store, options),
      );
    });
}

async function showRates({ framingReport }: QueryLayer, store: Store, options: FramingOptions): Promise<void> {
  const report = await framingReport(
    store,
    { outlet: options.outlet, from: options.from, to: options.to },
    options.byMonth === true,
  );
  if (options.json) {
    printJson(report);
    return;
  }
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
}

async function showExamples({ framingExamples }: QueryLayer, store: Store, options: FramingOptions): Promise<void> {
  const page = await framingExamples(store, {
    outlet: options.outlet,
    from: options.from,
    to: options.to,
    technique: options.technique,
    sort: options.oldest ? 'oldest' : 'newest',
    limit: options.limit,
    offset: options.offset,
  });
  if (options.json) {
    printJson(page);
    return;
  }
  if (page.total === 0) {
    const known = page.techniques.map((technique) => technique.value).join(', ');
    process.stdout.write(
      options.technique && known
        ? `no ${options.technique} spans match; techniques found: ${known}\n`
        : 'no loaded-language spans match\n',
    );
    return;
  }
  for (const example of page.examples) {
    const at = example.start - example.sentenceStart;
    const sentence = `${example.sentence.slice(0, at)}[${example.text}]${example.sentence.slice(at + example.text.length)}`;
    process.stdout.write(
      `${example.doc.published?.slice(0, 10) ?? 'undated'}  ${example.doc.outlet ?? '-'}  ${example.doc.id.slice(0, 12)}  ${example.label}${example.score === undefined ? '' : ` (${example.score.toFixed(2)})`}\n`,
    );
    process.stdout.write(`    ${sentence.replace(/\s+/g, ' ').trim()}\n`);
    if (example.explanation) process.stdout.write(`    why: ${example.explanation}\n`);
  }
  process.stdout.write(
    `${options.offset + 1}-${options.offset + page.examples.length} of ${page.total} spans shown` +
      `${options.technique ? '' : `; by technique: ${page.techniques.map((row) => `${row.value} ${row.count}`).join(', ')}`}\n`,
  );
}

function fixed(value: number | undefined): string {
  return value === undefined ? 'unknown' : value.toFixed(2);
}
