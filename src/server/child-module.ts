import { type ChildProcess, fork } from 'node:child_process';
import { errorMessage, LedeError } from '../errors.js';
import { codePath, RUNNING_COMPILED } from '../resources/index.js';

/**
 * Starts `name` (a module of src/server, without extension) as a child process with an IPC
 * channel. A child, not a worker thread: SQLite runs a query in one native call that a thread's
 * terminate() cannot interrupt (a 120 s query kept its thread busy for all 120 s after terminate at
 * 0.5 s), while a killed process stops at once. Under a TypeScript runner (tests) the child loads
 * the source through tsx.
 */
export function forkModule(name: string, args: string[]): ChildProcess {
  const file = codePath(`server/${name}.${RUNNING_COMPILED ? 'js' : 'ts'}`);
  // Arguments go through the environment, not the command line: a store's URL may hold a password,
  // and every user on the machine can read a process's command line (ps), not its environment.
  return fork(file, [], {
    execArgv: RUNNING_COMPILED ? [] : ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
    env: { ...process.env, [CHILD_ARGS]: JSON.stringify(args) },
  });
}

const CHILD_ARGS = 'LEDE_CHILD_ARGS';

/** In a child started by forkModule: the arguments its parent gave. */
export function childArgs(): string[] {
  return JSON.parse(process.env[CHILD_ARGS] ?? '[]') as string[];
}

/** The id of the message a child sends once it can take tasks. */
export const READY = 0;

/** An error as it crosses the IPC channel: a LedeError keeps its code. */
export interface WireError {
  code?: string;
  message: string;
}

/**
 * In a child started by forkModule: answers each `{id, payload}` the parent sends with
 * `{id, result}` or `{id, error}`, passing on what `handle` reports as `{id, progress}`. Exits when
 * the parent goes away, after `cleanUp`.
 */
export function answerTasks<P>(
  handle: (payload: P, report: (progress: unknown) => void) => unknown,
  cleanUp: () => Promise<void> | void,
): void {
  process.on('message', async (message: { id: number; payload: P }) => {
    const { id } = message;
    try {
      const result = await handle(message.payload, (progress) => process.send?.({ id, progress }));
      process.send?.({ id, result });
    } catch (error) {
      const wire: WireError = { message: errorMessage(error) };
      if (error instanceof LedeError) wire.code = error.code;
      process.send?.({ id, error: wire });
    }
  });
  process.on('disconnect', async () => {
    try {
      await cleanUp();
    } finally {
      process.exit(0);
    }
  });
  process.send?.({ id: READY });
}
