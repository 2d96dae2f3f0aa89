import type { Command } from 'commander';
import { LedeError } from '../../errors.js';
import {
  type CurationDecision,
  curateIdentities,
  describeDecision,
  describeEntity,
  listEntities,
} from '../../link/index.js';
import { ENTITY_TYPES, type EntityType } from '../../model/index.js';
import { printJson, withStore } from '../context.js';
import { loadQuery } from '../load-query.js';
import { parsePositiveInt } from '../options.js';

function parseType(value: string): EntityType {
  const upper = value.toUpperCase();
  if (!(ENTITY_TYPES as readonly string[]).includes(upper)) {
    throw new LedeError('USAGE', `--type must be one of ${ENTITY_TYPES.join(', ')}`);
  }
  return upper as EntityType;
}

export function register(program: Command): void {
  const entities = program
    .command('entities')
    .description('List the corpus entities (one per real-world entity) with mention counts; curate them')
    .option('--type <type>', `only ${ENTITY_TYPES.join('|')}`, parseType)
    .option('--min-mentions <n>', 'only entities mentioned at least N times', parsePositiveInt)
    .option('--search <text>', 'only entities with a name containing TEXT')
    .option('--limit <n>', 'at most N entities', parsePositiveInt)
    .option('--rebuild', 'rebuild the identities from the stored entity layers and curation first')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  lede entities --type PERSON --min-mentions 3\n' +
        '  lede entities merge "Popular Mobilization Units" "Hashd al-Shaabi"\n  lede entities alias add "Qassem Soleimani" "Haj Qassem"',
    )
    .action(
      async (
        options: {
          type?: EntityType;
          minMentions?: number;
          search?: string;
          limit?: number;
          rebuild?: boolean;
          json?: boolean;
        },
        command: Command,
      ) => {
        const { currentIdentities } = await loadQuery();
        await withStore(command, async (store) => {
          const { records, unapplied } = await currentIdentities(store, options.rebuild);
          const rows = listEntities(records, {
            type: options.type,
            minMentions: options.minMentions,
            search: options.search,
            limit: options.limit,
          });
          if (options.json) return printJson({ entities: rows, unapplied });
          for (const row of rows) {
            const aliases = row.aliases.length > 0 ? `  (${row.aliases.join('; ')})` : '';
            process.stdout.write(`${String(row.mentions).padStart(5)}  ${row.type.padEnd(6)}  ${row.name}${aliases}\n`);
          }
          for (const entry of unapplied)
            process.stderr.write(`not applied: ${describeDecision(entry.decision)}: ${entry.reason}\n`);
        });
      },
    );

  // Stored apart from machine output, so re-ingest and reprocessing re-apply it.
  const record = (decision: CurationDecision, command: Command) =>
    withStore(
      command,
      async (store) => {
        const outcome = await curateIdentities(store, decision);
        if (!outcome.applied) throw new LedeError('USAGE', `not recorded: ${outcome.reason}`);
        process.stdout.write(`recorded: ${describeDecision(decision)}\n`);
      },
      'finish',
    );
  const noteOf = (command: Command) => (command.opts() as { note?: string }).note;
  entities
    .command('merge')
    .argument('<into>')
    .argument('<from>')
    .description('Make FROM part of INTO (kept across re-ingest)')
    .option('--note <text>', 'why')
    .action((into: string, from: string, _options, command: Command) =>
      record({ kind: 'merge', into, from, note: noteOf(command) }, command),
    );
  entities
    .command('split')
    .argument('<entity>')
    .argument('<alias>')
    .description('Move the mentions named ALIAS out of ENTITY into an entity of their own')
    .option('--note <text>', 'why')
    .action((entity: string, alias: string, _options, command: Command) =>
      record({ kind: 'split', entity, alias, note: noteOf(command) }, command),
    );
  entities
    .command('rename')
    .argument('<entity>')
    .argument('<name>')
    .description('Give ENTITY the canonical name NAME (the old name stays an alias)')
    .action((entity: string, name: string, _options, command: Command) =>
      record({ kind: 'rename', entity, name }, command),
    );
  const alias = entities.command('alias').description('Add or remove an alias');
  alias
    .command('add')
    .argument('<entity>')
    .argument('<alias>')
    .action((entity: string, name: string, _options, command: Command) =>
      record({ kind: 'alias-add', entity, alias: name }, command),
    );
  alias
    .command('remove')
    .argument('<entity>')
    .argument('<alias>')
    .action((entity: string, name: string, _options, command: Command) =>
      record({ kind: 'alias-remove', entity, alias: name }, command),
    );

  program
    .command('entity')
    .argument('<name>', 'any name of the entity (canonical or alias)')
    .description('One entity: aliases, spelling variants, roles, documents, co-occurring entities, merge evidence')
    .option('--json', 'print JSON')
    .action(async (name: string, options: { json?: boolean }, command: Command) => {
      const { currentIdentities } = await loadQuery();
      await withStore(command, async (store) => {
        const found = describeEntity((await currentIdentities(store)).records, name);
        if (found.length === 0) throw new LedeError('NOT_FOUND', `no entity named "${name}"`);
        if (options.json) return printJson(found);
        for (const { record: entity, cooccurring } of found) {
          const headlines: string[] = [];
          for (const id of entity.documents.slice(0, 10)) {
            headlines.push(`    ${id.slice(0, 12)}  ${(await store.getDocument(id))?.meta.headline ?? ''}`);
          }
          const lines = [
            `${entity.name}  (${entity.type}, ${entity.mentions} mentions in ${entity.documents.length} documents)`,
            `  aliases:   ${entity.aliases.join('; ') || '-'}`,
            `  variants:  ${entity.variants.join('; ') || '-'}`,
            `  roles:     ${entity.roles.join('; ') || '-'}`,
            `  written:   ${entity.surfaceForms.map((form) => `${form.value} (${form.count})`).join('; ')}`,
            '  documents:',
            ...headlines,
            ...(entity.documents.length > 10 ? [`    and ${entity.documents.length - 10} more`] : []),
            `  with:      ${
              cooccurring
                .slice(0, 10)
                .map((other) => `${other.name} (${other.sharedDocuments})`)
                .join('; ') || '-'
            }`,
            '  evidence:',
            ...entity.evidence.map((evidence) => `    ${evidence.rule}: ${evidence.detail}`),
          ];
          process.stdout.write(`${lines.join('\n')}\n`);
        }
      });
    });
}
