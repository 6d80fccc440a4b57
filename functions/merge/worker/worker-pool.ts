import type { Worker } from "node:worker_threads";
import { WorkerPoolFullError } from "../../errors/app-errors";
import { WorkerCrashedError, WorkerTaskCanceledError } from "./worker-pool-errors";
import type { AnswerMessage, SerializedError, TaskMessage } from "./worker-protocol";

export interface WorkerPoolOptions {
  /** Threads at most; each runs one task at a time. */
  readonly size: number;
  /** Tasks that may wait for a thread; one more is refused with WorkerPoolFullError. */
  readonly maxQueue: number;
  /** Starts one thread that answers TaskMessages (see worker-serve.ts). */
  readonly start: () => Worker;
  /** Builds the typed error again from what a task threw in its thread. */
  readonly revive: (error: SerializedError) => Error;
}

export interface RunOptions {
  /** Aborting it takes a waiting task out of the queue, or stops the thread running it. */
  readonly signal?: AbortSignal | undefined;
  /** Buffers of the input handed over to the thread instead of copied: the caller gives them up. */
  readonly transfer?: readonly ArrayBuffer[] | undefined;
}

/** Counts since the pool was made, for tests and diagnostics. */
export interface WorkerPoolStats {
  readonly size: number;
  /** Threads alive now. */
  readonly threads: number;
  readonly busy: number;
  readonly queued: number;
  /** Threads started and threads that ended, whatever the reason. */
  readonly started: number;
  readonly exited: number;
  /** Tasks that answered with a result. */
  readonly completed: number;
  /** Tasks that answered with an error they threw (or whose message could not be read). */
  readonly failed: number;
  /** Tasks stopped by their signal: waiting ones dropped, running ones' threads terminated. */
  readonly canceled: number;
  /** Tasks whose thread died under them. */
  readonly crashed: number;
}

export interface WorkerPool<In, Out> {
  run(input: In, options?: RunOptions): Promise<Out>;
  stats(): WorkerPoolStats;
  /** Drops waiting tasks, stops every thread; later runs are refused. */
  close(): Promise<void>;
}

interface Task<In, Out> {
  readonly id: number;
  readonly input: In;
  readonly transfer: readonly ArrayBuffer[];
  readonly signal: AbortSignal | undefined;
  readonly resolve: (output: Out) => void;
  readonly reject: (error: Error) => void;
  onAbort?: () => void;
}

interface Slot<In, Out> {
  readonly worker: Worker;
  task: Task<In, Out> | undefined;
  /** Stopped on purpose (cancel, close): its exit is no crash. */
  retired: boolean;
  lastError: Error | undefined;
}

/**
 * A bounded pool of worker threads with a bounded queue. Threads start when work needs them
 * and are kept; an idle thread does not keep the process alive (unref), a busy one does. A
 * task's signal reaches a running task by terminating its thread, which stops any CPU work at
 * once, however it is written; a fresh thread takes its place for the next task. A thread that
 * dies fails its task with WorkerCrashedError and is replaced the same way.
 */
export const createWorkerPool = <In, Out>(options: WorkerPoolOptions): WorkerPool<In, Out> => {
  const size = Math.max(1, Math.floor(options.size));
  const slots = new Set<Slot<In, Out>>();
  const queue: Task<In, Out>[] = [];
  const exits = new Set<Promise<void>>();
  let nextId = 1;
  let closed = false;
  const counts = {
    started: 0,
    exited: 0,
    completed: 0,
    failed: 0,
    canceled: 0,
    crashed: 0,
  };

  const settle = (slot: Slot<In, Out>) => {
    const task = slot.task;
    slot.task = undefined;
    slot.worker.unref();
    if (task?.onAbort) task.signal?.removeEventListener("abort", task.onAbort);
    return task;
  };

  const retire = (slot: Slot<In, Out>) => {
    slot.retired = true;
    slots.delete(slot);
    void slot.worker.terminate();
  };

  const spawn = (): Slot<In, Out> => {
    const worker = options.start();
    worker.unref();
    const slot: Slot<In, Out> = { worker, task: undefined, retired: false, lastError: undefined };
    counts.started++;
    worker.on("message", (answer: AnswerMessage<Out>) => {
      if (slot.task?.id !== answer.id) return;
      const task = settle(slot);
      if (answer.ok) {
        counts.completed++;
        task?.resolve(answer.output);
      } else {
        counts.failed++;
        task?.reject(options.revive(answer.error));
      }
      pump();
    });
    worker.on("messageerror", (error) => {
      const task = settle(slot);
      counts.failed++;
      task?.reject(error);
      pump();
    });
    worker.on("error", (error) => (slot.lastError = error));
    const exit: Promise<void> = new Promise((resolve) =>
      worker.once("exit", (code) => {
        counts.exited++;
        slots.delete(slot);
        exits.delete(exit);
        const task = settle(slot);
        if (task && !slot.retired) {
          counts.crashed++;
          task.reject(new WorkerCrashedError(code, slot.lastError?.message ?? `exit code ${code}`));
        }
        resolve();
        pump();
      }),
    );
    exits.add(exit);
    slots.add(slot);
    return slot;
  };

  const dispatch = (slot: Slot<In, Out>, task: Task<In, Out>) => {
    slot.task = task;
    slot.worker.ref();
    try {
      const message: TaskMessage<In> = { id: task.id, input: task.input };
      slot.worker.postMessage(message, [...task.transfer]);
    } catch (error) {
      settle(slot);
      counts.failed++;
      task.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };

  const idleSlot = () => [...slots].find((s) => !s.task && !s.retired);

  const startOrFail = (): Slot<In, Out> | undefined => {
    try {
      return spawn();
    } catch (error) {
      const task = queue.shift() as Task<In, Out>;
      if (task.onAbort) task.signal?.removeEventListener("abort", task.onAbort);
      counts.crashed++;
      task.reject(new WorkerCrashedError(undefined, (error as Error).message));
      return undefined;
    }
  };

  function pump() {
    while (!closed && queue.length) {
      if (!idleSlot() && slots.size >= size) return;
      const slot = idleSlot() ?? startOrFail();
      if (slot) dispatch(slot, queue.shift() as Task<In, Out>);
    }
  }

  const abort = (task: Task<In, Out>) => {
    const waiting = queue.indexOf(task);
    if (waiting >= 0) queue.splice(waiting, 1);
    const running = [...slots].find((s) => s.task === task);
    if (waiting < 0 && !running) return;
    counts.canceled++;
    if (running) {
      settle(running);
      retire(running);
    }
    task.reject(new WorkerTaskCanceledError());
    pump();
  };

  return {
    run: (input, runOptions = {}) =>
      new Promise<Out>((resolve, reject) => {
        const signal = runOptions.signal;
        if (closed) return reject(new WorkerTaskCanceledError("the worker pool is closed"));
        if (signal?.aborted) return reject(new WorkerTaskCanceledError());
        const busy = idleSlot() === undefined && slots.size >= size;
        if (busy && queue.length >= options.maxQueue)
          return reject(new WorkerPoolFullError(options.maxQueue));
        const task: Task<In, Out> = {
          id: nextId++,
          input,
          transfer: runOptions.transfer ?? [],
          signal,
          resolve,
          reject,
        };
        if (signal) {
          task.onAbort = () => abort(task);
          signal.addEventListener("abort", task.onAbort, { once: true });
        }
        queue.push(task);
        pump();
      }),
    stats: () => ({
      size,
      threads: slots.size,
      busy: [...slots].filter((s) => s.task).length,
      queued: queue.length,
      ...counts,
    }),
    close: async () => {
      closed = true;
      for (const task of queue.splice(0)) {
        if (task.onAbort) task.signal?.removeEventListener("abort", task.onAbort);
        task.reject(new WorkerTaskCanceledError("the worker pool is closed"));
      }
      for (const slot of [...slots]) {
        const task = settle(slot);
        retire(slot);
        task?.reject(new WorkerTaskCanceledError("the worker pool is closed"));
      }
      await Promise.all(exits);
    },
  };
};
