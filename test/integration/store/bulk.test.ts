import type { OperationInput } from "@azure/cosmos";
import { PartialWriteError } from "../../../functions/errors/app-errors";
import { errorToResponse } from "../../../functions/http/problem";
import { runAll } from "../../../functions/store/bulk";
import { startApi, type ApiHarness } from "../harness/api-harness";

/**
 * A bulk write that the store does only in part is a PartialWriteError with its counts, never a
 * plain error (which the edge could only answer with a 500).
 */
let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const pk = "bulk-tenant|bulk";
const doc = (id: string) => ({ id, pk, tenantId: "bulk-tenant", docType: "bulkTest", n: 1 });
const create = (id: string): OperationInput => ({
  operationType: "Create",
  partitionKey: pk,
  resourceBody: doc(id),
});
const replace = (id: string): OperationInput => ({
  operationType: "Replace",
  id,
  partitionKey: pk,
  resourceBody: { ...doc(id), n: 2 },
});

describe.each([
  ["a few operations, sent one by one", 3],
  ["many operations, through the bulk executor", 150],
])("%s", (_how, count) => {
  const ids = Array.from({ length: count }, (_, i) => `${count}-${i}`);

  it("that all go through, or fail only as tolerated, are done", async () => {
    const container = api.deps.store.containers.setup;
    await runAll(container, ids.map(create), "Creating");
    // A repeat meets 409 for every one, which a create of deterministic ids tolerates.
    await runAll(container, ids.map(create), "Creating again", [409]);
  });

  it("that partly fail are a PartialWriteError saying how many went through", async () => {
    const container = api.deps.store.containers.setup;
    const missing = `${count}-missing`;
    const attempt = runAll(container, [...ids.map(replace), replace(missing)], "Replacing");
    await expect(attempt).rejects.toBeInstanceOf(PartialWriteError);
    const error = (await attempt.catch((e: unknown) => e)) as PartialWriteError;
    expect(error).toMatchObject({
      what: "Replacing",
      written: count,
      failed: 1,
      total: count + 1,
      status: 404,
      transient: false,
    });
    // What went through stays written.
    const { resource } = await container.item(ids[0] as string, pk).read<{ n: number }>();
    expect(resource?.n).toBe(2);
    // The edge answers it as the state of the data, with the counts and what to do.
    const answer = errorToResponse(error, "/api/x");
    expect(answer.status).toBe(409);
    expect((answer.jsonBody as { detail: string }).detail).toContain(
      `${count} of ${count + 1} written, 1 not (the store answered 404); repeat the request to finish it.`,
    );
  });
});
