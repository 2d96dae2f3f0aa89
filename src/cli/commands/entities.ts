import type { Command } from 'commander';
import { LedeError } from '../../errors.js';
import {
  applyCuration,
  buildIdentities,
  type CurationDecision,
  createFileIdentitySource,
  describeDecision,
  describeEntity,
  type IdentitySource,
  listEntities,
} from '../../link/index.js';
import { ENTITY_TYPES, type EntityType } from '../../model/index.js';
import { loadNameTables } from '../../nlp/entities/index.js';
import { parsePositiveInt } from '../options.js';

interface SourceOptions {
  from?: string;
  decisions: string;
}

const DECISIONS_DEFAULT = process.env.LEDE_ENTITY_DECISIONS ?? 'entity-decisions.jsonl';

/** Until the store keeps entity mentions, identity is built from `lede annotate` output. */
function openSource(options: SourceOptions): IdentitySource {
  return createFileIdentitySource(options.from ?? '', options.decisions);
}

function buildRecords(options: SourceOptions) {
  if (!options.from) {
    throw new LedeError(
      'USAGE',
      'pass --from FILE.jsonl (the output of `lede annotate`) until the store keeps entities',
    );
  }
  const source = openSource(options);
  const machine = buildIdentities(source.readDocEntities(), { particles: loadNameTables().particles });
  return applyCuration(machine, source.readDecisions());
}

function addSourceOptions(command: Command): Command {
  return command
    .option('--from <file>', 'JSONL written by `lede annotate` (plain or .gz)')
    .option('--decisions <file>', 'curation decisions, one JSON object per line', DECISIONS_DEFAULT);
}

function parseType(value: string): EntityType {
  const upper = value.toUpperCase();
  if (!(ENTITY_TYPES as readonly string[]).includes(upper)) {
    throw new LedeError('USAGE', `--type must be one of ${ENTITY_TYPES.join(', ')}`);
  }
  return upper as EntityType;
}

export function register(program: Command): void {
  const entities = addSourceOptions(
    program
      .command('entities')
      .description('List the corpus entities (one per real-world entity) with mention counts; curate them')
      .option('--type <type>', `only ${ENTITY_TYPES.join('|')}`, parseType)
      .option('--min-mentions <n>', 'only entities mentioned at least N times', parsePositiveInt)
      .option('--search <text>', 'only entities with a name containing TEXT')
      .option('--limit <n>', 'at most N entities', parsePositiveInt)
      .option('--json', 'print JSON'),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  lede annotate --in articles.jsonl --out annotated.jsonl\n  lede entities --from annotated.jsonl --type PERSON\n' +
        '  lede entities merge "Popular Mobilization Units" "Hashd al-Shaabi"\n  lede entities alias add "Qassem Soleimani" "Haj Qassem"',
    )
    .action(
      (
        options: SourceOptions & {
          type?: EntityType;
          minMentions?: number;
          search?: string;
          limit?: number;
          json?: boolean;
        },
      ) => {
        const { records, unapplied } = buildRecords(options);
        const rows = listEntities(records, {
          type: options.type,
          minMentions: options.minMentions,
          search: options.search,
          limit: options.limit,
        });
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ entities: rows, unapplied }, null, 2)}\n`);
          return;
        }
        for (const row of rows) {
          const aliases = row.aliases.length > 0 ? `  (${row.aliases.join('; ')})` : '';
          process.stdout.write(`${String(row.mentions).padStart(5)}  ${row.type.padEnd(6)}  ${row.name}${aliases}\n`);
        }
        for (const entry of unapplied)
          process.stderr.write(`not applied: ${describeDecision(entry.decision)}: ${entry.reason}\n`);
      },
    );

  const record = (decision: CurationDecision, options: SourceOptions) => {
    openSource(options).appendDecision({ ...decision, at: new Date().toISOString() });
    process.stdout.write(`recorded: ${describeDecision(decision)} (in ${options.decisions})\n`);
    if (options.from) {
      const { unapplied } = buildRecords(options);
      for (const entry of unapplied)
        process.stderr.write(`not applied now: ${describeDecision(entry.decision)}: ${entry.reason}\n`);
    }
  };
  // Subcommands read --from and --decisions from `entities` itself (declared once, usable after the subcommand).
  const sourceOf = (command: Command) => command.optsWithGlobals() as SourceOptions & { note?: string };
  entities
    .command('merge')
    .argument('<into>')
    .argument('<from>')
    .description('Make FROM part of INTO (kept across re-ingest)')
    .option('--note <text>', 'why')
    .action((into: string, from: string, _options, command: Command) => {
      const options = sourceOf(command);
      record({ kind: 'merge', into, from, note: options.note }, options);
    });
  entities
    .command('split')
    .argument('<entity>')
    .argument('<alias>')
    .description('Move the mentions named ALIAS out of ENTITY into an entity of their own')
    .option('--note <text>', 'why')
    .action((entity: string, alias: string, _options, command: Command) => {
      const options = sourceOf(command);
      record({ kind: 'split', entity, alias, note: options.note }, options);
    });
  entities
    .command('rename')
    .argument('<entity>')
    .argument('<name>')
    .description('Give ENTITY the canonical name NAME (the old name stays an alias)')
    .action((entity: string, name: string, _options, command: Command) =>
      record({ kind: 'rename', entity, name }, sourceOf(command)),
    );
  const alias = entities.command('alias').description('Add or remove an alias');
  alias
    .command('add')
    .argument('<entity>')
    .argument('<alias>')
    .action((entity: string, name: string, _options, command: Command) =>
      record({ kind: 'alias-add', entity, alias: name }, sourceOf(command)),
    );
  alias
    .command('remove')
    .argument('<entity>')
    .argument('<alias>')
    .action((entity: string, name: string, _options, command: Command) =>
      record({ kind: 'alias-remove', entity, alias: name }, sourceOf(command)),
    );

  addSourceOptions(
    program
      .command('entity')
      .argument('<name>', 'any name of the entity (canonical or alias)')
      .description('One entity: aliases, spelling variants, roles, documents, co-occurring entities, merge evidence')
      .option('--json', 'print JSON'),
  ).action((name: string, options: SourceOptions & { json?: boolean }) => {
    const { records } = buildRecords(options);
    const found = describeEntity(records, name);
    if (found.length === 0) throw new LedeError('NOT_FOUND', `no entity named "${name}"`);
    if (options.json) {
      process.stdout.write(`${JSON.stringify(found, null, 2)}\n`);
      return;
    }
    for (const { record: entity, cooccurring } of found) {
      const lines = [
        `${entity.name}  (${entity.type}, ${entity.mentions.length} mentions in ${entity.documents.length} documents)`,
        `  aliases:   ${entity.aliases.join('; ') || '-'}`,
        `  variants:  ${entity.variants.join('; ') || '-'}`,
        `  roles:     ${entity.roles.join('; ') || '-'}`,
        `  documents: ${entity.documents.join(', ')}`,
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
}
