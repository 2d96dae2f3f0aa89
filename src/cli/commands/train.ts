import type { Command } from 'commander';
import { LedeError } from '../../errors.js';
import { TRAINERS } from '../../train/registry.js';
import { parsePositiveInt } from '../options.js';

export function register(program: Command): void {
  program
    .command('train')
    .argument('<model>', `what to train: ${Object.keys(TRAINERS).join(', ') || '(none yet)'}`)
    .description('Train one of lede’s own models from ../shared/data and write the artifact that ships with lede')
    .option('--data <dir>', 'training data folder')
    .option('--out <file>', 'where to write the model (default: the shipped artifact under models/)')
    .option('--epochs <n>', 'training passes', parsePositiveInt)
    .option('--seed <n>', 'random seed, for reproducible artifacts', parsePositiveInt)
    .action(async (model: string, options: { data?: string; out?: string; epochs?: number; seed?: number }) => {
      const load = TRAINERS[model];
      if (!load)
        throw new LedeError('USAGE', `unknown model "${model}"; choose one of ${Object.keys(TRAINERS).join(', ')}`);
      const trainer = await load();
      const { out } = await trainer.run(options, (line) => process.stderr.write(`${line}\n`));
      process.stdout.write(`wrote ${out}\n`);
    });
}
