/** The thread running a task died (out of memory, a crash) before it answered. */
export class WorkerCrashedError extends Error {
  override readonly name = "WorkerCrashedError";
  constructor(
    readonly exitCode: number | undefined,
    readonly reason: string,
  ) {
    super(`A worker thread stopped while it ran a task (${reason}).`);
  }
}

/** The task was canceled, or the pool closed, before it finished; its thread was stopped. */
export class WorkerTaskCanceledError extends Error {
  override readonly name = "WorkerTaskCanceledError";
  constructor(reason = "the task was canceled") {
    super(reason);
  }
}

/** An error the task itself threw in its thread, when it is none the caller knows how to revive. */
export class WorkerTaskError extends Error {
  override readonly name = "WorkerTaskError";
  constructor(
    readonly errorName: string,
    message: string,
  ) {
    super(`${errorName}: ${message}`);
  }
}
