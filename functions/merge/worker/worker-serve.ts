import type { MessagePort } from "node:worker_threads";
import { serializeError, type AnswerMessage, type TaskMessage } from "./worker-protocol";

/** What a task's work gives back: the answer, and the buffers in it to hand over, not copy. */
export interface TaskOutcome<Out> {
  readonly output: Out;
  readonly transfer: readonly ArrayBuffer[];
}

/** The thread's side of the pool: answer each task with its outcome or the error it threw. */
export const serveTasks = <In, Out>(
  port: MessagePort,
  /** Synchronous work answers at once; a task whose library is async (pdf-lib) answers later. */
  work: (input: In) => TaskOutcome<Out> | Promise<TaskOutcome<Out>>,
): void => {
  const answerWith = (id: number, outcome: TaskOutcome<Out>) =>
    port.postMessage({ id, ok: true, output: outcome.output } satisfies AnswerMessage<Out>, [
      ...outcome.transfer,
    ]);
  const fail = (id: number, error: unknown) =>
    port.postMessage({ id, ok: false, error: serializeError(error) } satisfies AnswerMessage<Out>);
  port.on("message", ({ id, input }: TaskMessage<In>) => {
    let outcome: TaskOutcome<Out> | Promise<TaskOutcome<Out>>;
    try {
      outcome = work(input);
    } catch (error) {
      fail(id, error);
      return;
    }
    if (outcome instanceof Promise)
      outcome.then(
        (done) => answerWith(id, done),
        (error: unknown) => fail(id, error),
      );
    else answerWith(id, outcome);
  });
};
