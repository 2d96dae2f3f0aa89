import type { Command } from 'commander';
import { LedeError } from '../../errors.js';
import type { StoredDuplicateGroup, StoredStory } from '../../pipeline/index.js';
import type { Store } from '../../store/index.js';
import { printJson, withStore } from '../context.js';

export function register(program: Command): void {
  program
    .command('link')
    .description('Link the corpus: versions of one article (near-duplicates), story clusters, inherited dates')
    .option('--rebuild', 'forget the stories and versions found so far and link every document afresh')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      '\nDocuments linked before keep their story and versions; only new ones are placed (joining a story\n' +
        'or starting one), so story ids stay stable. --rebuild re-decides them all and renumbers the stories,\nas lede reprocess does.\n' +
        '`lede ingest` runs this after every ingest unless given --no-link.',
    )
    .action(async (options: { rebuild?: boolean; json?: boolean }, command: Command) => {
      const summary = await withStore(command, (store) => runLink(store, options.rebuild === true), 'own');
      if (options.json) printJson(summary);
      else
        process.stderr.write(
          `${summary.documents} documents (${summary.rebuilt ? 'all' : summary.linked} linked): ` +
            `${summary.duplicateGroups} groups of versions, ${summary.stories} stories, ` +
            `${summary.datesInherited} dates inherited (${summary.seconds.toFixed(1)} s)\n`,
        );
    });

  program
    .command('duplicates')
    .description('Groups of exact and near-duplicate documents (versions of one article)')
    .option(
      '--json',
      'print {"groups": [{"members": [...], "kind": "exact|near"}]}, documents named by their external ids',
    )
    .action(async (options: { json?: boolean }, command: Command) => {
      await withStore(command, (store) => {
        const groups = linked<StoredDuplicateGroup[]>(store, 'duplicates');
        if (options.json)
          return printJson({ groups: groups.map(({ members, kind, pairs }) => ({ members, kind, pairs })) });
        if (groups.length === 0) process.stdout.write('no duplicates\n');
        for (const group of groups)
          process.stdout.write(`${group.id}  ${group.kind.padEnd(5)}  ${group.members.join('  ')}\n`);
      });
    });

  program
    .command('stories')
    .description('Story clusters: documents about one event or statement, with a label, dates and outlets')
    .option('--min <n>', 'only stories with at least this many documents', Number, 1)
    .option('--json', 'print {"stories": [{"id", "label", "members": [...]}]}, documents named by their external ids')
    .action(async (options: { min: number; json?: boolean }, command: Command) => {
      await withStore(command, (store) => {
        const stories = linked<StoredStory[]>(store, 'stories').filter((story) => story.members.length >= options.min);
        if (options.json) return printJson({ stories: stories.map(({ memberIds: _ids, ...story }) => story) });
        for (const story of stories) {
          const dates = story.dates ? `${story.dates.first}…${story.dates.last}` : 'undated';
          process.stdout.write(
            `${story.id.padEnd(10)} ${String(story.members.length).padStart(4)} docs  ${dates}  ${story.label}\n`,
          );
        }
      });
    });

  program
    .command('story')
    .argument('<id>', 'a story id (story-3) or the id of any document in it')
    .description('One story: its members in date order, their versions and what changed between versions')
    .option('--json', 'print JSON')
    .action(async (ref: string, options: { json?: boolean }, command: Command) => {
      const { describeStory } = await import('../../pipeline/index.js');
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

async function runLink(store: Store, rebuild: boolean) {
  const { linkCorpus, CORPUS_STEPS } = await import('../../pipeline/index.js');
  return linkCorpus(store, CORPUS_STEPS, { rebuild });
}

function linked<T>(store: Store, name: string): T {
  const value = store.getCorpusState<T>(name);
  if (value === undefined)
    throw new LedeError('NOT_FOUND', 'the corpus has not been linked yet: run lede link (or lede ingest)');
  return value;
}
