import type { Command } from 'commander';
import { LedeError } from '../../errors.js';
import { EVALUATIONS } from '../../eval/registry.js';
import { parsePositiveInt } from '../options.js';

export function register(program: Command): void {
  program
    .command('eval')
    .argument('<component>', `what to measure: ${Object.keys(EVALUATIONS).join(', ')}`)
    .description(
      'Measure an extraction component against its dataset in ../shared/data and print precision, recall and F1',
    )
    .option('--data <dir>', 'dataset folder (default: the component’s folder under ../shared/data)')
    .option('--split <name>', 'dataset split, where there are several (for example dev)')
    .option('--corpus <name>', 'corpus, where the component offers several (published-estimate: tbaq, reuters, bbc)')
    .option('--limit <n>', 'evaluate on the first N examples only', parsePositiveInt)
    .option('--json', 'print the result as JSON')
    .option(
      '--mode <name>',
      'which measurement, where there are several (entities: annotate, tokens, clean-text, all, ablation; dumps-cv: single, seeds)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  lede eval seeds\n  lede eval entities --split dev\n  lede eval published-estimate --corpus reuters --split test\n  lede eval quotes --json > quotes.json',
    )
    .action(
      async (
        component: string,
        options: { data?: string; split?: string; corpus?: string; limit?: number; json?: boolean; mode?: string },
      ) => {
        const load = EVALUATIONS[component];
        if (!load)
          throw new LedeError(
            'USAGE',
            `unknown component "${component}"; choose one of ${Object.keys(EVALUATIONS).join(', ')}`,
          );
        const evaluation = await load();
        const result = await evaluation.run(options);
        process.stdout.write(`${options.json ? JSON.stringify(result.json, null, 2) : result.text}\n`);
      },
    );
}
