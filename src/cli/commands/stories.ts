import type { Command } from 'commander';
import { printJson, withStore } from '../context.js';
import { loadQuery } from '../load-query.js';

export function register(program: Command): void {
  program
    .command('stories')
    .description('Story clusters: documents about one event or statement, with a label, dates and outlets')
    .option('--min <n>', 'only stories with at least this many documents', Number, 1)
    .option('--json', 'print {"stories": [{"id", "label", "members": [...]}]}, documents named by their external ids')
    .action(async (options: { min: number; json?: boolean }, command: Command) => {
      const { queryStories, requireLinked } = await loadQuery();
      await withStore(command, (store) => {
        const { stories } = requireLinked(queryStories(store, { minMembers: options.min }));
        if (options.json) return printJson({ stories: stories.map(({ memberIds: _ids, ...story }) => story) });
        for (const story of stories) {
          const dates = story.dates ? `${story.dates.first}…${story.dates.last}` : 'undated';
          process.stdout.write(
            `${story.id.padEnd(10)} ${String(story.members.length).padStart(4)} docs  ${dates}  ${story.label}\n`,
          );
        }
      });
    });
}
