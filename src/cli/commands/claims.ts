import { type Command, InvalidArgumentError, Option } from 'commander';
import { printJson, withStore } from '../context.js';
import { loadQuery } from '../load-query.js';

interface ClaimsOptions {
  conflicts?: boolean;
  agreements?: boolean;
  kind?: string;
  refresh?: boolean;
  scope?: 'auto' | 'story' | 'corpus';
  json?: boolean;
}

function parseScope(value: string): 'auto' | 'story' | 'corpus' {
  if (value === 'auto' || value === 'story' || value === 'corpus') return value;
  throw new InvalidArgumentError('expected auto, story or corpus');
}

const EXAMPLES = `
A conflict is the same kind of event given two different days less than a month apart, or the same
counted thing given two different values within a factor of two, within one article or between two.
An agreement is the same day or value stated by two or more documents. Both pieces of evidence are
printed side by side with their documents; open one with \`lede show <document id>\`.

Examples:
  lede claims                       conflicts first, then agreements
  lede claims --conflicts           only what disagrees
  lede claims --kind figure --json  figures only, machine-readable
  lede claims --refresh             recompute from the stored documents first (ingest does it too)
  lede claims --refresh --scope corpus
                                    compare every document with every other, not story by story

By default (auto) documents are compared within their story cluster once the store has story links,
since unrelated stories quoting figures of one unit ($80 million, $100 million) are not conflicts.`;

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
    .option('--json', 'print JSON')
    .addHelpText('after', EXAMPLES)
    .action(async (options: ClaimsOptions, command: Command) => {
      const { filterClaims, readClaims } = await loadQuery();
      await withStore(command, (store) => {
        const recompute = options.refresh === true || options.scope !== undefined;
        const state =
          readClaims(store, { recompute, scope: options.scope }) ??
          readClaims(store, { recompute: true, scope: options.scope });
        if (!state) return;
        const relation = options.conflicts ? 'conflict' : options.agreements ? 'agreement' : undefined;
        const { claims } = filterClaims(state, { kind: options.kind, relation });
        if (options.json) return printJson({ computedAt: state.computedAt, documents: state.documents, claims });
        if (claims.length === 0) {
          process.stdout.write(`no claims (over ${state.documents} documents with events or figures)\n`);
          return;
        }
        for (const claim of claims) {
          process.stdout.write(`${claim.relation.toUpperCase()}  ${claim.kind}  ${claim.note}\n`);
          for (const evidence of claim.evidence)
            process.stdout.write(
              `    ${String(evidence.value).padEnd(10)}  ${evidence.source.docId.slice(0, 12)} (${evidence.source.name}) ${evidence.source.outlet ?? '-'} @${evidence.start}-${evidence.end}: ${evidence.text.replace(/\s+/g, ' ').trim()}\n`,
            );
        }
        const conflicts = claims.filter((claim) => claim.relation === 'conflict').length;
        process.stdout.write(
          `${conflicts} conflicts, ${claims.length - conflicts} agreements (${state.documents} documents compared ${state.scope === 'story' ? 'within their stories' : 'corpus-wide'})\n`,
        );
      });
    });
}
