import type { Command } from 'commander';
import { LedeError } from '../../errors.js';
import type { StoryDetail } from '../../query/index.js';
import { printJson, withStore } from '../context.js';
import { loadQuery } from '../load-query.js';
import { parsePositiveInt } from '../options.js';
import { plural } from '../progress.js';

export function register(program: Command): void {
  program
    .command('story')
    .argument('<id>', 'a story id (story-3) or the id of any document in it')
    .description(
      'One story: a page of its members in date order with what each shares with the rest, their versions and what changed between versions',
    )
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
        await withStore(command, async (store) => {
          const detail = await describeStory(store, ref, {
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
            if (member.why) process.stdout.write(`      ${reasonLine(member.why)}\n`);
          }
          for (const version of detail.versions) {
            process.stdout.write(`\nversions ${version.older} → ${version.newer}: ${version.summary}\n`);
          }
        });
      },
    );
}

/** `shares: Blair, election; 3 numbers; 2 quoted phrases`, or a flag when it shares almost nothing. */
function reasonLine(why: NonNullable<StoryDetail['members'][number]['why']>): string {
  const parts = [
    ...(why.names.length > 0 ? [`names ${why.names.join(', ')}`] : []),
    ...(why.words.length > 0 ? [`words ${why.words.join(', ')}`] : []),
    ...(why.numbers.length > 0 ? [`numbers ${why.numbers.join(', ')}`] : []),
    ...(why.dates.length > 0 ? [`dates ${why.dates.join(', ')}`] : []),
    ...(why.quotedWords > 0 ? [plural(why.quotedWords, 'quoted phrase')] : []),
  ];
  const shares = parts.length > 0 ? `shares ${parts.join('; ')}` : 'shares nothing with the rest';
  return why.weak ? `${shares}  (weak link: check it belongs)` : shares;
}
