import type { Command } from 'commander';
import type { Store } from '../../store/index.js';
import { printJson, withStore } from '../context.js';
import { linkWithProgress } from '../link-progress.js';
import { plural } from '../progress.js';

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
          `${plural(summary.documents, 'document')} (${summary.rebuilt ? 'all' : summary.linked} linked): ` +
            `${plural(summary.duplicateGroups, 'group')} of versions, ${plural(summary.stories, 'story', 'stories')}, ` +
            `${plural(summary.datesInherited, 'date')} inherited (${summary.seconds.toFixed(1)} s)\n`,
        );
    });
}

async function runLink(store: Store, rebuild: boolean) {
  return linkWithProgress(store, { rebuild });
}
