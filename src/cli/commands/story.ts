import type { Command } from 'commander';
import { LedeError } from '../../errors.js';
import { printJson, withStore } from '../context.js';
import { loadQuery } from '../load-query.js';
import { parsePositiveInt } from '../options.js';

export function register(program: Command): void {
  program
    .command('story')
    .argument('<id>', 'a story id (story-3) or the id of any document in it')
    .description('One story: a page of its members in date order, their versions and what changed between versions')
    .option('--limit <n>', 'members per page', parsePositiveInt, 20)
    .option('--offset <n>', 'skip this many members', parsePositiveInt, 0)
    .option('--newest', 'newest members first')
    .option('--json', 'print JSON')
    .action(
      async (
        ref: string,
        options: { json?: boolean; limit: number; offset: number; newest?: boolean },
        command: Command,
      ) => {
        const { describeStory } = await loadQuery();
        await withStore(command, (store) => {
          const detail = describeStory(store, ref, {
            limit: options.limit,
            offset: options.offset,
            order: options.newest ? 'newest' : 'oldest',
          });
          if (!detail) throw new LedeError('NOT_FOUND', `no story ${ref} (run lede stories to list them)`);
          if (options.json) return printJson(detail);
          const last = detail.offset + detail.members.length;
          process.stdout.write(
            `${detail.id}  ${detail.label}  (members ${detail.members.length === 0 ? 'none' : `${detail.offset + 1}-${last}`} of ${detail.total})\n`,
          );
          for (const member of detail.members) {
            process.stdout.write(
              `  ${member.published ?? 'undated   '}  ${member.outlet ?? '-'}  ${member.headline ?? member.id}  (${member.id.slice(0, 12)})\n`,
            );
          }
          for (const version of detail.versions) {
            process.stdout.write(`\nversions ${version.older} → ${version.newer}: ${version.summary}\n`);
          }
        });
      },
    );
}
