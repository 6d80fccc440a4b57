import { availableParallelism } from "node:os";
import { defaultWorkerCount, loadConfig } from "../../../functions/config";

const env = { COSMOS_ENDPOINT: "https://localhost:8081/", AUTH_AUDIENCE: "api://mergeline" };

describe("merge thread settings", () => {
  it("leave one core to the event loop and merge on the others, at least one", () => {
    expect(defaultWorkerCount()).toBe(Math.max(1, availableParallelism() - 1));
    expect(loadConfig(env).workers).toEqual({ size: defaultWorkerCount(), maxQueue: 64 });
  });

  it("take the pool's size and queue from the Function App's settings", () => {
    expect(
      loadConfig({ ...env, MERGELINE_MERGE_WORKERS: "3", MERGELINE_MERGE_QUEUE: "10" }).workers,
    ).toEqual({ size: 3, maxQueue: 10 });
  });

  it.each(["0", "-1", "1.5", "many"])("refuse %s threads, naming the setting", (value) => {
    expect(() => loadConfig({ ...env, MERGELINE_MERGE_WORKERS: value })).toThrow(
      /MERGELINE_MERGE_WORKERS/,
    );
  });
});
