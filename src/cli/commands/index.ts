import type { Command } from 'commander';
import { register as registerEntities } from './entities.js';
import { register as registerEval } from './eval.js';
import { register as registerTrain } from './train.js';

/** Every command file exports `register(program)`; add yours to this list. */
const COMMANDS: ((program: Command) => void)[] = [registerEval, registerTrain, registerEntities];

export function registerCommands(program: Command): void {
  for (const register of COMMANDS) register(program);
}
