import type { ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { LedeError } from '../errors.js';
import { forkModule, READY, type WireError } from './child-module.js';

/** Answered as 503: the server is fine, this request was cut off or could not be started in time. */
export class ServiceBusyError extends Error {
  readonly statusCode = 503;
  constructor(message: string) {
    super(message);
    this.name = 'ServiceBusyError';
  }
}

export interface ProcessPoolOptions {
  /** The child module (see forkModule) and its arguments. */
  module: string;
  args: string[];
  size: number;
  /**
   * A running task over this is stopped by killing its child; a task waits in the queue at most this
   * long too, not counting a child's start (which under a TypeScript runner can itself take seconds).
   */
  timeoutMs: number;
  /** Tasks waiting for a free child beyond this are refused at once. */
  maxQueued: number;
  /** What the tasks are, for messages: "search". */
  what: string;
  /** Said after a task over its time limit: what the client can change. */
  hint?: string;
  /** Scheduling priority of the children (0 normal, 19 lowest): background work yields the CPU. */
  niceness?: number;
}

interface Task {
  id: number;
  payload: unknown;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onProgress?: (progress: unknown) => void;
  timer: NodeJS.Timeout;
  slot?: Slot;
}

interface Slot {
  child: ChildProcess;
  /** The child has opened its connection and said so: tasks go only to ready children. */
  ready: boolean;
  task?: Task;
}

/**
 * A few long-lived child processes answering one task at a time each, over IPC. Every task has a
 * deadline: one still queued is dropped, one running is stopped by killing its child (replaced on
 * the next task), so one pathological request costs at most `timeoutMs` of one child.
 */
export class ProcessPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;
  /** Called once every child is ready (or gone): what `warm()` returned waits on. */
  private readyWaiters: (() => void)[] = [];

  constructor(private readonly options: ProcessPoolOptions) {}

  /** Starts every child now rather than on the first tasks; resolves once each has said it is ready (or died). */
  warm(): Promise<void> {
    while (!this.closed && this.slots.length < this.options.size) this.slots.push(this.spawn());
    return new Promise((resolve) => {
      this.readyWaiters.push(resolve);
      this.wakeReadyWaiters();
    });
  }

  private wakeReadyWaiters(): void {
    if (this.closed || this.slots.every((slot) => slot.ready)) for (const wake of this.readyWaiters.splice(0)) wake();
  }

  /** Runs `payload` in a child; what the child posts as `{id, progress}` before its answer goes to `onProgress`. */
  run<T>(payload: unknown, onProgress?: (progress: unknown) => void): Promise<T> {
    if (this.closed) return Promise.reject(new ServiceBusyError('the server is shutting down'));
    if (this.queue.length >= this.options.maxQueued) {
      return Promise.reject(
        new ServiceBusyError(
          `too many ${this.options.what} requests waiting (${this.queue.length}); try again shortly`,
        ),
      );
    }
    return new Promise<T>((resolve, reject) => {
      const task: Task = {
        id: this.nextId++,
        payload,
        resolve: resolve as (value: unknown) => void,
        reject,
        onProgress,
        timer: setTimeout(() => this.expireQueued(task), this.options.timeoutMs),
      };
      this.queue.push(task);
      this.dispatch();
    });
  }

  /** Kills every child at once: a running task never delays shutdown. */
  close(): void {
    this.closed = true;
    this.wakeReadyWaiters();
    for (const task of this.queue.splice(0)) this.finish(task, new ServiceBusyError('the server is shutting down'));
    for (const slot of this.slots.splice(0)) {
      if (slot.task) this.finish(slot.task, new ServiceBusyError('the server is shutting down'));
      slot.child.kill('SIGKILL');
    }
  }

  private dispatch(): void {
    if (this.closed) return;
    while (this.queue.length > 0) {
      if (this.slots.length < this.options.size) this.slots.push(this.spawn());
      const slot = this.slots.find((candidate) => candidate.ready && !candidate.task);
      if (!slot) return;
      const task = this.queue.shift() as Task;
      slot.task = task;
      task.slot = slot;
      clearTimeout(task.timer);
      task.timer = setTimeout(() => this.expireRunning(task), this.options.timeoutMs);
      slot.child.send({ id: task.id, payload: task.payload });
    }
  }

  private spawn(): Slot {
    const child = forkModule(this.options.module, this.options.args);
    const slot: Slot = { child, ready: false };
    child.on('message', (message: { id: number; result?: unknown; error?: WireError; progress?: unknown }) => {
      if (message.id === READY) {
        // Lowered once started: a start at low priority on a loaded machine took over 10 s.
        if (this.options.niceness && child.pid !== undefined) setPriority(child.pid, this.options.niceness);
        slot.ready = true;
        this.wakeReadyWaiters();
        this.dispatch();
        return;
      }
      const task = slot.task;
      if (!task || task.id !== message.id) return;
      if ('progress' in message) {
        task.onProgress?.(message.progress);
        return;
      }
      slot.task = undefined;
      if (message.error) this.finish(task, fromWire(message.error));
      else this.finish(task, undefined, message.result);
      this.dispatch();
    });
    child.on('exit', (code, signal) => {
      this.remove(slot);
      const stopped = new Error(`the ${this.options.what} process stopped (${signal ?? `exit ${code}`})`);
      if (slot.task) this.finish(slot.task, stopped);
      // A child that dies before it is ready would die again: fail what waits rather than respawn in a loop.
      if (!slot.ready) for (const task of this.queue.splice(0)) this.finish(task, stopped);
      this.wakeReadyWaiters();
      this.dispatch();
    });
    return slot;
  }

  private expireQueued(task: Task): void {
    if (this.slots.some((slot) => !slot.ready)) {
      task.timer = setTimeout(() => this.expireQueued(task), this.options.timeoutMs);
      return;
    }
    const queued = this.queue.indexOf(task);
    if (queued >= 0) this.queue.splice(queued, 1);
    const seconds = this.options.timeoutMs / 1000;
    this.finish(
      task,
      new ServiceBusyError(`the ${this.options.what} waited ${seconds} s for a free process; try again`),
    );
  }

  private expireRunning(task: Task): void {
    const seconds = this.options.timeoutMs / 1000;
    const hint = this.options.hint ? `; ${this.options.hint}` : '';
    this.finish(
      task,
      new ServiceBusyError(`the ${this.options.what} took longer than ${seconds} s and was stopped${hint}`),
    );
    const slot = task.slot as Slot;
    slot.task = undefined;
    this.remove(slot);
    slot.child.kill('SIGKILL');
    this.dispatch();
  }

  private remove(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
  }

  private finish(task: Task, error: Error | undefined, result?: unknown): void {
    clearTimeout(task.timer);
    if (error) task.reject(error);
    else task.resolve(result);
  }
}

function fromWire(error: WireError): Error {
  return error.code ? new LedeError(error.code as LedeError['code'], error.message) : new Error(error.message);
}
