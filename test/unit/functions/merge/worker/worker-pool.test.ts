import path from "node:path";
import {
  createWorkerPool,
  type WorkerPool,
} from "../../../../../functions/merge/worker/worker-pool";
import { WorkerPoolFullError } from "../../../../../functions/errors/app-errors";
import {
  WorkerCrashedError,
  WorkerTaskCanceledError,
} from "../../../../../functions/merge/worker/worker-pool-errors";
import type { SerializedError } from "../../../../../functions/merge/worker/worker-protocol";
import { startTypeScriptWorker } from "../../../../../functions/merge/worker/worker-thread";
import type { TestTask } from "./fixtures/test-tasks-worker";

class RevivedError extends Error {
  override readonly name = "RevivedError";
  constructor(
    readonly code: unknown,
    message: string,
  ) {
    super(message);
  }
}

const entry = path.join(__dirname, "fixtures", "test-tasks-worker.ts");
const pools: WorkerPool<TestTask, string | Uint8Array>[] = [];
const pool = (size: number, maxQueue = 10) => {
  const made = createWorkerPool<TestTask, string | Uint8Array>({
    size,
    maxQueue,
    start: () => startTypeScriptWorker(entry),
    revive: (error: SerializedError) => new RevivedError(error.fields["code"], error.message),
  });
  pools.push(made);
  return made;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

/** A gate a held task waits at; open() lets it finish. */
const gate = () => {
  const buffer = new SharedArrayBuffer(4);
  return {
    buffer,
    open: () => {
      Atomics.store(new Int32Array(buffer), 0, 1);
      Atomics.notify(new Int32Array(buffer), 0);
    },
  };
};

/** Turns of the event loop until `ready` holds: the pool's threads report by messages. */
const until = async (ready: () => boolean) => {
  while (!ready()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe("the worker pool", () => {
  it("runs tasks in threads and answers each with its own result", async () => {
    const p = pool(2);
    const answers = await Promise.all(
      ["a", "b", "c", "d"].map((value) => p.run({ op: "echo", value })),
    );
    expect(answers).toEqual(["a", "b", "c", "d"]);
    expect(p.stats()).toMatchObject({ completed: 4, failed: 0, busy: 0, queued: 0 });
  });

  it("never runs more threads than its size; the rest wait in the queue, in order", async () => {
    const p = pool(2);
    const gates = [gate(), gate(), gate(), gate()];
    const done: string[] = [];
    const runs = gates.map((g, i) =>
      p.run({ op: "hold", gate: g.buffer, value: `t${i}` }).then((v) => done.push(v as string)),
    );
    await until(() => p.stats().busy === 2);
    expect(p.stats()).toMatchObject({ threads: 2, busy: 2, queued: 2, started: 2 });
    gates[0]?.open();
    await until(() => done.length === 1);
    await until(() => p.stats().busy === 2 && p.stats().queued === 1);
    for (const g of gates) g.open();
    await Promise.all(runs);
    expect(done[0]).toBe("t0");
    expect(p.stats()).toMatchObject({ started: 2, completed: 4, threads: 2, queued: 0 });
  });

  it("refuses a task when every thread is busy and the queue is full", async () => {
    const p = pool(1, 1);
    const g = gate();
    const running = p.run({ op: "hold", gate: g.buffer, value: "running" });
    const waiting = p.run({ op: "echo", value: "waiting" });
    await until(() => p.stats().busy === 1);
    await expect(p.run({ op: "echo", value: "one too many" })).rejects.toBeInstanceOf(
      WorkerPoolFullError,
    );
    g.open();
    await expect(Promise.all([running, waiting])).resolves.toEqual(["running", "waiting"]);
  });

  it("drops a canceled task that waits, and runs the others", async () => {
    const p = pool(1);
    const g = gate();
    const running = p.run({ op: "hold", gate: g.buffer, value: "running" });
    const controller = new AbortController();
    const dropped = p.run({ op: "echo", value: "dropped" }, { signal: controller.signal });
    const after = p.run({ op: "echo", value: "after" });
    controller.abort();
    await expect(dropped).rejects.toBeInstanceOf(WorkerTaskCanceledError);
    g.open();
    await expect(Promise.all([running, after])).resolves.toEqual(["running", "after"]);
    expect(p.stats()).toMatchObject({ completed: 2, canceled: 1, started: 1 });
  });

  it("stops the thread of a canceled running task, whose CPU work would never end, and goes on with a fresh one", async () => {
    const p = pool(1);
    const controller = new AbortController();
    const spinning = p.run({ op: "spin" }, { signal: controller.signal });
    const next = p.run({ op: "echo", value: "next" });
    await until(() => p.stats().busy === 1);
    controller.abort();
    await expect(spinning).rejects.toBeInstanceOf(WorkerTaskCanceledError);
    // Only a terminated spinning thread lets the next task run on a size-1 pool.
    await expect(next).resolves.toBe("next");
    await until(() => p.stats().exited === 1);
    expect(p.stats()).toMatchObject({ started: 2, exited: 1, canceled: 1, completed: 1 });
  });

  it("fails the task of a thread that dies with a typed error, and replaces the thread", async () => {
    const p = pool(1);
    const died = p.run({ op: "exit", code: 7 });
    await expect(died).rejects.toBeInstanceOf(WorkerCrashedError);
    await expect(died).rejects.toMatchObject({ exitCode: 7 });
    await expect(p.run({ op: "echo", value: "alive" })).resolves.toBe("alive");
    expect(p.stats()).toMatchObject({ crashed: 1, started: 2, completed: 1 });
  });

  it("gives back a task's own error as the caller's typed error, and the thread stays", async () => {
    const p = pool(1);
    const failed = p.run({ op: "fail", code: "too_large" });
    await expect(failed).rejects.toBeInstanceOf(RevivedError);
    await expect(failed).rejects.toMatchObject({
      code: "too_large",
      message: "failed with too_large",
    });
    await expect(p.run({ op: "echo", value: "again" })).resolves.toBe("again");
    expect(p.stats()).toMatchObject({ failed: 1, completed: 1, started: 1, crashed: 0 });
  });

  it("hands over the buffers it is told to, and copies the rest", async () => {
    const p = pool(1);
    const kept = new Uint8Array(10);
    const given = new Uint8Array(20);
    expect(((await p.run({ op: "bytes", bytes: kept })) as Uint8Array).byteLength).toBe(11);
    expect(kept.byteLength).toBe(10);
    const back = await p.run({ op: "bytes", bytes: given }, { transfer: [given.buffer] });
    expect((back as Uint8Array).byteLength).toBe(21);
    expect(given.byteLength).toBe(0);
  });

  it("on close, refuses what waits and what runs, then every later task", async () => {
    const p = pool(1);
    const spinning = p.run({ op: "spin" });
    const waiting = p.run({ op: "echo", value: "waiting" });
    await until(() => p.stats().busy === 1);
    const refused = Promise.all([
      expect(spinning).rejects.toBeInstanceOf(WorkerTaskCanceledError),
      expect(waiting).rejects.toBeInstanceOf(WorkerTaskCanceledError),
    ]);
    await p.close();
    await refused;
    await expect(p.run({ op: "echo", value: "late" })).rejects.toBeInstanceOf(
      WorkerTaskCanceledError,
    );
    expect(p.stats()).toMatchObject({ threads: 0, exited: 1 });
  });
});
