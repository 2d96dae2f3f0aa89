import type { Command } from 'commander';
import { canonicalName, indexIdentities, loadIdentities, type StatementSource } from '../../link/index.js';
import { readableDate } from '../../model/index.js';
import type { Store } from '../../store/index.js';
import { printJson, withStore } from '../context.js';
import { loadQuery, type QueryLayer } from '../load-query.js';
import { parsePositiveInt } from '../options.js';

interface QuotesOptions {
  speaker?: string;
  about?: string;
  since?: string;
  until?: string;
  outlet?: string;
  grouped?: boolean;
  minSources?: number;
  refresh?: boolean;
  oldest?: boolean;
  limit: number;
  offset: number;
  json?: boolean;
}

const EXAMPLES = `
Each quote is shown with its resolved speaker (and the words naming them, "he" -> Akram al-Kaabi),
the cue, the date the words were spoken when the text says it, the outlet, the document id and the
sentence it sits in. Open the article with \`lede show <document id>\`.

Examples:
  lede quotes --speaker "Akram al-Kaabi"           every quote attributed to him
  lede quotes --about "United States" --since 2020-01-01
                                                    quotes mentioning an entity, published since a date
  lede quotes --outlet "Press TV" --json            machine-readable, one outlet
  lede quotes --oldest --limit 50 --offset 50       the second page of 50, oldest first
  lede quotes --grouped                             statements: one quote reported by several articles,
                                                    with every source and how the wording changed
  lede quotes --grouped --min-sources 2 --refresh   only repeated statements, regrouped from the store now

--speaker and --about take canonical names, as \`lede quotes\` prints them (exact, case-sensitive
without --grouped). --since/--until bound the publication date (YYYY, YYYY-MM or YYYY-MM-DD); with
--grouped they bound each source's date (the date spoken when resolved, else the publication date).`;

export function register(program: Command): void {
  program
    .command('quotes')
    .description('Who said what, when: quotes across the stored corpus, or grouped into statements')
    .option('--speaker <name>', "only quotes by this speaker (resolved name, e.g. 'Akram al-Kaabi')")
    .option('--about <entity>', 'only quotes whose words mention this entity')
    .option('--since <date>', 'only from this date on (YYYY-MM-DD)')
    .option('--until <date>', 'only up to this date (YYYY-MM-DD)')
    .option('--outlet <name>', 'only this outlet')
    .option('--grouped', 'statements: the same quote in several articles once, with its sources')
    .option('--min-sources <n>', 'with --grouped: only statements reported by at least N documents', parsePositiveInt)
    .option('--refresh', 'with --grouped: regroup from the stored quotes before showing')
    .option('--oldest', 'oldest first (newest first by default; undated articles come last either way)')
    .option('--limit <n>', 'at most N quotes or statements', parsePositiveInt, 20)
    .option('--offset <n>', 'skip this many', parsePositiveInt, 0)
    .option('--json', 'print JSON')
    .addHelpText('after', EXAMPLES)
    .action(async (options: QuotesOptions, command: Command) => {
      const query = await loadQuery();
      await withStore(command, (store) =>
        options.grouped ? showStatements(query, store, options) : showQuotes(query, store, options),
      );
    });
}

async function showQuotes(
  { queryQuotes, quoteSources }: QueryLayer,
  store: Store,
  options: QuotesOptions,
): Promise<void> {
  // Once `lede link` has built identities, a speaker is one record under all its names, as in the API.
  const identities = await loadIdentities(store);
  const index = identities && indexIdentities(identities);
  const page = await queryQuotes(store, {
    speaker: options.speaker && canonicalName(index, options.speaker),
    entity: options.about && canonicalName(index, options.about),
    names: index?.names,
    outlet: options.outlet,
    from: options.since,
    to: options.until,
    sort: options.oldest ? 'oldest' : 'newest',
    limit: options.limit,
    offset: options.offset,
  });
  const quotes = await quoteSources(store, page.quotes, index?.names);
  if (options.json) {
    printJson({ total: page.total, quotes, speakers: page.speakers });
    return;
  }
  if (page.total === 0) {
    process.stdout.write('no quotes match\n');
    return;
  }
  for (const quote of quotes) writeQuote(quote);
  process.stdout.write(`${quotes.length} of ${page.total} quotes shown\n`);
}

async function showStatements(
  { readStatements, statementsPage }: QueryLayer,
  store: Store,
  options: QuotesOptions,
): Promise<void> {
  const state =
    (await readStatements(store, { recompute: options.refresh === true })) ??
    (await readStatements(store, { recompute: true }));
  if (!state) return;
  const page = statementsPage(state, {
    speaker: options.speaker,
    about: options.about,
    outlet: options.outlet,
    from: options.since,
    to: options.until,
    minDocuments: options.minSources,
    limit: options.limit,
    offset: options.offset,
  });
  if (options.json) {
    printJson(page);
    return;
  }
  if (page.total === 0) {
    process.stdout.write('no statements match\n');
    return;
  }
  for (const statement of page.statements) {
    process.stdout.write(
      `${statement.speakerName ?? '(unknown speaker)'}: ${statement.documents} document${statement.documents === 1 ? '' : 's'}, ${statement.sources.length} report${statement.sources.length === 1 ? '' : 's'}\n`,
    );
    process.stdout.write(`  "${statement.sources[0]?.text.trim()}"\n`);
    if (statement.wordings.length > 1) {
      process.stdout.write('  wordings:\n');
      for (const wording of statement.wordings) process.stdout.write(`    - ${wording}\n`);
    }
    process.stdout.write('  sources:\n');
    for (const source of statement.sources)
      process.stdout.write(
        `    ${dateOf(source)}  ${source.outlet ?? '-'}  ${source.docId.slice(0, 12)} (${source.name})  [${source.kind}] ${speakerPhrase(source)}\n`,
      );
    process.stdout.write('\n');
  }
  process.stdout.write(`${page.statements.length} of ${page.total} statements shown\n`);
}

function dateOf(source: StatementSource): string {
  const published = source.published?.slice(0, 10) ?? 'undated';
  return source.date ? `${published} (said ${readableDate(source.date)})` : published;
}

function speakerPhrase(source: StatementSource): string {
  const who = source.speakerName ?? '(no speaker)';
  const mention = source.speakerMention && source.speakerMention !== who ? ` ("${source.speakerMention}")` : '';
  const cue = source.cue ? ` ${source.cue}` : '';
  const medium = source.medium ? ` ${source.medium}` : '';
  return `${who}${mention}${cue}${medium}`;
}

function writeQuote(quote: StatementSource): void {
  process.stdout.write(
    `${dateOf(quote)}  ${quote.outlet ?? '-'}  ${quote.docId.slice(0, 12)} (${quote.name})  [${quote.kind}] ${speakerPhrase(quote)}\n`,
  );
  process.stdout.write(`    "${quote.text.trim()}"\n`);
  if (quote.sentence.trim() !== quote.text.trim())
    process.stdout.write(`    in: ${quote.sentence.replace(/\s+/g, ' ').trim()}\n`);
  process.stdout.write(`    at: ${quote.start}-${quote.end}\n`);
}
