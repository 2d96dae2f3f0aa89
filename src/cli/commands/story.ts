import type { Command } from 'commander';
import { LedeError } from '../../errors.js';
import { printJson, withStore } from '../context.js';
import { loadQuery } from '../load-query.js';

export function register(program: Command): void {
  program
    .command('story')
    .argument('<id>', 'a story id (story-3) or the id of any document in it')
    .description('One story: its members in date order, their versions and what changed between versions')
    .option('--json', 'print JSON')
    .action(async (ref: string, options: { json?: boolean }, command: Command) => {
      const { describeStory } = await loadQuery();
      await withStore(command, (store) => {
        const detail = describeStory(store, ref);
        if (!detail) throw new LedeError('NOT_FOUND', `no story ${ref} (run lede stories to list them)`);
        if (options.json) return printJson(detail);
        process.stdout.write(`${detail.id}  ${detail.label}\n`);
        for (const member of detail.members) {
          process.stdout.write(
            `  ${member.published ?? 'undated   '}  ${member.outlet ?? '-'}  ${member.headline ?? member.id}  (${member.id.slice(0, 12)})\n`,
          );
        }
        for (const version of detail.versions) {
          process.stdout.write(`\nversions ${version.older} → ${version.newer}: ${version.summary}\n`);
        }
      });
    });
}
