import type { Command } from 'commander';
import { LedeError } from '../../errors.js';
import { printJson, withStore } from '../context.js';
import { loadQuery } from '../load-query.js';
import { parsePositiveInt } from '../options.js';

const SORTS = ['size', 'newest', 'oldest'] as const;
type Sort = (typeof SORTS)[number];
/** A terminal page; --json lists every story unless --limit says otherwise. */
const TEXT_PAGE = 50;

export function register(program: Command): void {
  program
    .command('stories')
    .description('Story clusters: documents about one event or statement, with a label, dates and outlets')
    .option('--min <n>', 'only stories with at least this many documents', Number, 1)
    .option('--sort <order>', `size (most documents first), newest or oldest (undated last)`, 'size')
    .option('--limit <n>', `at most N stories (default: ${TEXT_PAGE}, all with --json)`, parsePositiveInt)
    .option('--offset <n>', 'skip this many', parsePositiveInt, 0)
    .option('--json', 'print {"stories": [{"id", "label", "members": [...]}]}, documents named by their external ids')
    .action(
      async (
        options: { min: number; sort: string; limit?: number; offset: number; json?: boolean },
        command: Command,
      ) => {
        if (!(SORTS as readonly string[]).includes(options.sort))
          throw new LedeError('USAGE', `--sort takes ${SORTS.join(', ')}, not ${options.sort}`);
        const { queryStories, requireLinked } = await loadQuery();
        await withStore(command, async (store) => {
          const page = requireLinked(
            await queryStories(store, {
              minMembers: options.min,
              sort: options.sort as Sort,
              offset: options.offset,
              limit: options.limit ?? (options.json ? undefined : TEXT_PAGE),
            }),
          );
          if (options.json) return printJson({ stories: page.stories.map(({ memberIds: _ids, ...story }) => story) });
          for (const story of page.stories) {
            const dates = story.dates ? `${story.dates.first}…${story.dates.last}` : 'undated';
            process.stdout.write(
              `${story.id.padEnd(10)} ${String(story.members.length).padStart(4)} docs  ${dates}  ${story.label}\n`,
            );
          }
          const last = options.offset + page.stories.length;
          const more = last < page.total ? `; --offset ${last} for more` : '';
          process.stderr.write(
            `${page.stories.length === 0 ? 'none' : `${options.offset + 1}-${last}`} of ${page.total.toLocaleString('en-GB')} stories shown${more}\n`,
          );
        });
      },
    );
}
