import type { Command } from 'commander';
import { printJson, withStore } from '../context.js';
import { loadQuery } from '../load-query.js';

export function register(program: Command): void {
  program
    .command('duplicates')
    .description('Groups of exact and near-duplicate documents (versions of one article)')
    .option(
      '--json',
      'print {"groups": [{"members": [...], "kind": "exact|near"}]}, documents named by their external ids',
    )
    .action(async (options: { json?: boolean }, command: Command) => {
      const { queryDuplicates, requireLinked } = await loadQuery();
      await withStore(command, async (store) => {
        const groups = requireLinked(await queryDuplicates(store));
        if (options.json)
          return printJson({ groups: groups.map(({ members, kind, pairs }) => ({ members, kind, pairs })) });
        if (groups.length === 0) process.stdout.write('no duplicates\n');
        for (const group of groups)
          process.stdout.write(`${group.id}  ${group.kind.padEnd(5)}  ${group.members.join('  ')}\n`);
      });
    });
}
