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
  work: (input: In) => TaskOutcome<Out>,
): void => {
  port.on("message", ({ id, input }: TaskMessage<In>) => {
    let answer: AnswerMessage<Out>;
    let transfer: readonly ArrayBuffer[] = [];
    try {
      const outcome = work(input);
      answer = { id, ok: true, output: outcome.output };
      transfer = outcome.transfer;
    } catch (error) {
      answer = { id, ok: false, error: serializeError(error) };
    }
    port.postMessage(answer, [...transfer]);
  });
};
