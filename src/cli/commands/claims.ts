import { type Command, InvalidArgumentError, Option } from 'commander';
import type { ClaimsSort } from '../../query/index.js';
import { printJson, withStore } from '../context.js';
import { loadQuery } from '../load-query.js';
import { printable } from '../printable.js';

interface ClaimsOptions {
  conflicts?: boolean;
  agreements?: boolean;
  kind?: string;
  refresh?: boolean;
  scope?: 'auto' | 'story' | 'corpus';
  sort?: ClaimsSort;
  json?: boolean;
}

function parseScope(value: string): 'auto' | 'story' | 'corpus' {
  if (value === 'auto' || value === 'story' || value === 'corpus') return value;
  throw new InvalidArgumentError('expected auto, story or corpus');
}

const EXAMPLES = `
A figure is a claim with its subject (the people, organisations and places of its clause, not who
reports it), measure (what it counts or prices), time and qualifier (\`more than\`, \`about\`, \`up to\`).
A conflict is the same measure of the same subject at the same time given values that cannot both
hold, by two articles: both dated alike, or, undated, two versions of one article published the same
day (a correction, an update); or one named happening (\`the Iraqi parliament\`) given two days less
than a month apart. Lists, comparisons, changes (\`rose from X to Y\`), forecasts, durations and
different places are never compared. An agreement is the same value stated by two or more articles.
Each line shows both sentences with the figure or date in [[ ]] (bold on a terminal) and what was
compared; open a document with \`lede show <document id>\`.

Examples:
  lede claims                       conflicts first, then agreements
  lede claims --conflicts           only what disagrees
  lede claims --kind figure --json  figures only, machine-readable
  lede claims --refresh             recompute from the stored documents first (ingest does it too)
  lede claims --refresh --scope corpus
                                    compare every document with every other, not story by story

By default (auto) documents are compared within their story cluster once the store has story links,
since unrelated stories quoting figures of one unit ($80 million, $100 million) are not conflicts.`;

/**
 * The sentence with the date or figure between `[[` and `]]` (bold on a terminal), control
 * characters escaped so a stored text cannot drive the terminal.
 */
export function markedSentence(
  evidence: { start: number; text: string; mark?: { start: number; end: number } },
  colour: boolean,
): string {
  const clean = (text: string) => printable(text).replace(/\s+/g, ' ');
  const mark = evidence.mark;
  if (!mark) return clean(evidence.text).trim();
  const [from, to] = [mark.start - evidence.start, mark.end - evidence.start];
  if (from < 0 || to > evidence.text.length || from >= to) return clean(evidence.text).trim();
  const [open, close] = colour ? ['\u001b[1m', '\u001b[22m'] : ['[[', ']]'];
  const marked = `${clean(evidence.text.slice(0, from))}${open}${clean(evidence.text.slice(from, to))}${close}${clean(evidence.text.slice(to))}`;
  return marked.trim();
}

export function register(program: Command): void {
  program
    .command('claims')
    .description('Where articles disagree or agree on dates and figures, with the evidence side by side')
    .addOption(new Option('--conflicts', 'only conflicts').conflicts('agreements'))
    .option('--agreements', 'only agreements')
    .option('--kind <kind>', 'only date or figure claims')
    .option('--refresh', 'recompute the claims from the stored documents first')
    .option(
      '--scope <scope>',
      'recompute, comparing within story clusters (story), corpus-wide (corpus) or auto',
      parseScope,
    )
    .addOption(
      new Option('--sort <order>', 'conflicts first (default), most articles, newest evidence or topic').choices([
        'conflicts',
        'sources',
        'newest',
        'topic',
      ]),
    )
    .option('--json', 'print JSON')
    .addHelpText('after', EXAMPLES)
    .action(async (options: ClaimsOptions, command: Command) => {
      const { filterClaims, readClaims } = await loadQuery();
      await withStore(command, async (store) => {
        const recompute = options.refresh === true || options.scope !== undefined;
        const state =
          (await readClaims(store, { recompute, scope: options.scope })) ??
          (await readClaims(store, { recompute: true, scope: options.scope }));
        if (!state) return;
        const relation = options.conflicts ? 'conflict' : options.agreements ? 'agreement' : undefined;
        const { claims } = filterClaims(state, { kind: options.kind, relation, sort: options.sort });
        if (options.json) return printJson({ computedAt: state.computedAt, documents: state.documents, claims });
        if (claims.length === 0) {
          process.stdout.write(`no claims (over ${state.documents} documents with events or figures)\n`);
          return;
        }
        const colour = process.stdout.isTTY === true;
        for (const claim of claims) {
          process.stdout.write(`${claim.relation.toUpperCase()}  ${claim.kind}  ${claim.note}\n`);
          if (claim.why)
            process.stdout.write(
              `    compared: same ${claim.why.measure} of ${claim.why.subject || '-'}${claim.why.time ? `, ${claim.why.time}` : ''}\n`,
            );
          for (const evidence of claim.evidence)
            process.stdout.write(
              `    ${String(evidence.value).padEnd(10)}  ${evidence.source.docId.slice(0, 12)} (${evidence.source.name}) ${evidence.source.outlet ?? '-'} @${evidence.start}-${evidence.end}: ${markedSentence(evidence, colour)}\n`,
            );
        }
        const conflicts = claims.filter((claim) => claim.relation === 'conflict').length;
        process.stdout.write(
          `${conflicts} conflicts, ${claims.length - conflicts} agreements (${state.documents} documents compared ${state.scope === 'story' ? 'within their stories' : 'corpus-wide'})\n`,
        );
      });
    });
}
