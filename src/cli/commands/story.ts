import type { Command } from 'commander';
import { LedeError } from '../../errors.js';
import { printJson, withStore } from '../context.js';
import { loadQuery } from '../load-query.js';
import { parsePositiveInt } from '../options.js';

/** Shared words, same day, same places, same people, as one line. */
function describeReason(why: { sharedWords: string[]; sameDay?: string; places: string[]; people: string[] }): string {
  const parts: string[] = [];
  if (why.sharedWords.length > 0) parts.push(`shares ${why.sharedWords.join(', ')}`);
  if (why.sameDay) parts.push(`same day ${why.sameDay}`);
  if (why.places.length > 0) parts.push(`same place ${why.places.join(', ')}`);
  if (why.people.length > 0) parts.push(`same people ${why.people.join(', ')}`);
  return parts.join('; ');
}

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
            const why = describeReason(member.why);
            if (why) process.stdout.write(`      why: ${why}\n`);
            for (const disagreement of member.why.disagreements)
              process.stdout.write(`      ! no other member agrees on ${disagreement}\n`);
          }
          for (const version of detail.versions) {
            process.stdout.write(`\nversions ${version.older} → ${version.newer}: ${version.summary}\n`);
          }
        });
      },
    );
}
