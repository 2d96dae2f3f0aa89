import type { Command } from 'commander';
import { LedeError } from '../../errors.js';
import { canonicalName, indexIdentities, loadIdentities } from '../../link/index.js';
import type { SnippetPiece, StoredDoc } from '../../store/index.js';
import { printJson, withStore } from '../context.js';
import { parsePositiveInt } from '../options.js';
import { printable } from '../printable.js';

interface FilterOptions {
  outlet?: string;
  section?: string;
  from?: string;
  to?: string;
  includeEstimated?: boolean;
}

interface SearchOptions extends FilterOptions {
  entity?: string;
  speaker?: string;
  hasQuotes?: boolean;
  language?: string;
  limit: number;
  offset: number;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('search')
    .argument('<query...>', 'words (all must match), "quoted phrases", prefix* terms, OR, NOT')
    .description('Full-text search ranked by BM25, with snippets and facets')
    .option('--outlet <name>', 'only this outlet')
    .option('--section <name>', 'only this section tag')
    .option('--from <date>', 'published on or after (YYYY-MM-DD)')
    .option('--to <date>', 'published on or before (YYYY-MM-DD)')
    .option(
      '--include-estimated',
      'count estimated dates (ranges from the contents or a story) in --from/--to, facets and order',
    )
    .option('--entity <name>', 'only articles mentioning this entity (once linked, any of its names or aliases)')
    .option('--speaker <name>', 'only articles quoting this speaker (once linked, any of their names)')
    .option('--has-quotes', 'only articles with at least one quote')
    .option('--no-has-quotes', 'only articles without a quote')
    .option('--language <code>', 'only articles in this language (ISO 639-1: en, de, ko; und: not told)')
    .option('--limit <n>', 'results per page', parsePositiveInt, 20)
    .option('--offset <n>', 'skip this many results', parsePositiveInt, 0)
    .option('--json', 'print JSON (hits, total and facets)')
    .addHelpText(
      'after',
      '\nExamples:\n  lede search drone strike\n  lede search \'"no friendship" OR enem*\' --from 2023-01-01\n  lede search Kaabi --outlet "Press TV" --json\n  lede search withdrawal --entity PMU --has-quotes',
    )
    .action(async (words: string[], options: SearchOptions, command: Command) => {
      await withStore(command, async (store) => {
        const { entity, speaker, limit, offset, json, ...filters } = options;
        // Once `lede link` has built identities, a name or alias stands for its corpus entity, as in the API.
        const identities = entity || speaker ? await loadIdentities(store) : undefined;
        const index = identities && indexIdentities(identities);
        const page = await store.search({
          ...filters,
          text: words.join(' '),
          limit,
          offset,
          entity: entity && canonicalName(index, entity),
          speaker: speaker && canonicalName(index, speaker),
          names: index?.names,
        });
        if (json) return printJson(page);
        if (page.total === 0) {
          process.stdout.write('no matches\n');
          return;
        }
        for (const hit of page.hits) {
          // An estimate is a range (`2004-01/2005-12`), shown whole and marked; a stated date shows its day.
          const when = hit.published
            ? hit.publishedEstimated
              ? `estimated ${hit.published}`
              : hit.published.slice(0, 10)
            : 'undated';
          process.stdout.write(
            `${hit.id.slice(0, 12)}  ${when}  ${hit.outlet ?? ''}  ${hit.headline ?? '(no headline)'}\n`,
          );
          process.stdout.write(`    ${renderSnippet(hit.snippet)}\n`);
        }
        process.stdout.write(`${page.hits.length} of ${page.total} shown\n`);
      });
    });

  program
    .command('show')
    .argument('<id>', 'document id, unique id prefix, or the external id it was ingested with')
    .description('Show one article: metadata, clean text, and its layers')
    .option('--raw', 'print the raw text as ingested instead of the clean text')
    .option('--json', 'print the whole document as JSON')
    .action(async (ref: string, options: { raw?: boolean; json?: boolean }, command: Command) => {
      await withStore(command, async (store) => {
        const doc = await store.getDocument(ref);
        if (!doc) throw new LedeError('NOT_FOUND', `no document ${ref} (try lede search or lede export)`);
        if (options.json) return printJson(doc);
        process.stdout.write(formatDoc(doc, options.raw ?? false));
      });
    });

  program
    .command('export')
    .description('Stream every stored document as JSONL or CSV (memory stays flat)')
    .option('--format <format>', 'jsonl or csv', 'jsonl')
    .option('--outlet <name>', 'only this outlet')
    .option('--section <name>', 'only this section tag')
    .option('--from <date>', 'published on or after (YYYY-MM-DD)')
    .option('--to <date>', 'published on or before (YYYY-MM-DD)')
    .option(
      '--include-estimated',
      'count estimated dates (ranges from the contents or a story) in --from/--to, facets and order',
    )
    .action(async (options: FilterOptions & { format: string }, command: Command) => {
      if (options.format !== 'jsonl' && options.format !== 'csv')
        throw new LedeError('USAGE', '--format must be jsonl or csv');
      await withStore(command, async (store) => {
        const { exportDocuments } = await import('../../store/index.js');
        await exportDocuments(store.iterateDocuments(options), options.format as 'jsonl' | 'csv', process.stdout);
      });
    });

  program
    .command('stats')
    .description('Counts: documents, words, outlets, dates, layers and failures')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withStore(command, async (store) => {
        const stats = await store.stats();
        if (options.json) return printJson(stats);
        const lines = [
          `documents  ${stats.documents}`,
          `words      ${stats.words}`,
          `dates      ${stats.earliest ?? '-'} … ${stats.latest ?? '-'}`,
          `failures   ${stats.failures}`,
          'outlets',
          ...stats.outlets.map((row) => `  ${String(row.count).padStart(7)}  ${row.value}`),
          'media types',
          ...stats.mediaTypes.map((row) => `  ${String(row.count).padStart(7)}  ${row.value}`),
          'layers',
          ...stats.layers.map((row) => `  ${String(row.spans).padStart(7)}  ${row.layer}`),
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      });
    });
}

function renderSnippet(pieces: SnippetPiece[]): string {
  const bold = process.stdout.isTTY ? (text: string) => `\u001b[1m${text}\u001b[22m` : (text: string) => `[${text}]`;
  return pieces
    .map((piece) => (piece.hit ? bold(piece.text) : piece.text))
    .join('')
    .replace(/\s+/g, ' ');
}

function formatDoc(doc: StoredDoc, raw: boolean): string {
  const meta = doc.meta;
  const estimate = meta.published?.estimated ? meta.published : undefined;
  const published = meta.published
    ? `${meta.published.value}${estimate ? ` (estimated from ${estimate.from ?? '?'}${estimate.confidence !== undefined ? `, confidence ${estimate.confidence}` : ''})` : ''}`
    : 'undated';
  const undatedWhy = doc.messages.find((message) => message.ruleId === 'published-estimate/undated')?.text;
  const head = [
    `id         ${doc.id}${doc.externalId ? `  (external id ${doc.externalId})` : ''}`,
    `source     ${doc.source.uri}  ${doc.source.mediaType}${doc.source.charset ? `  ${doc.source.charset}` : ''}`,
    `headline   ${meta.headline ?? '-'}`,
    `published  ${published}`,
    ...(estimate?.evidence ?? []).map((line) => `  evidence ${line}`),
    ...(meta.published ? [] : undatedWhy ? [`  why      ${undatedWhy}`] : []),
    `outlet     ${meta.outlet ?? '-'}`,
    `sections   ${meta.sections.join(', ') || '-'}`,
    ...meta.captions.map((caption) => `caption    ${caption}`),
    ...meta.subheads.map((subhead) => `subhead    ${subhead}`),
    ...(meta.headlineQuotes ?? []).map(
      (quote) =>
        `headline quote  “${meta.headline?.slice(quote.start, quote.end)}”${quote.speakerText ? ` — ${quote.speakerText}` : ''}`,
    ),
    `layers     ${
      Object.entries(doc.layers)
        .map(([name, spans]) => `${name} ${spans?.length ?? 0}`)
        .join(', ') || '-'
    }`,
    ...doc.messages.map(
      (message) => `${message.severity.padEnd(10)} ${message.text}${message.ruleId ? `  ${message.ruleId}` : ''}`,
    ),
  ];
  // Every field came from a scraped page: a control character in it must not drive the terminal. The
  // body is escaped only on a terminal, so `lede show ID > file` keeps the text as stored.
  const body = raw ? doc.raw : doc.text;
  const shown = process.stdout.isTTY ? body.split('\n').map(printable).join('\n') : body;
  return `${head.map(printable).join('\n')}\n\n${shown}\n`;
}
