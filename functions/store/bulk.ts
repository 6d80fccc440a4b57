import type { Container, OperationInput } from "@azure/cosmos";
import { PartialWriteError } from "../errors/app-errors";
import { cosmosStatus, rethrowUnavailable } from "./cosmos-errors";

export interface BulkResult {
  /** HTTP status of the operation: 201 created, 200 replaced, 204 deleted, 404, 409, 412... */
  readonly status: number;
  readonly message?: string;
}

/** Below this, single requests in parallel beat the bulk executor (see runBulk). */
const bulkThreshold = 100;
const parallel = 16;

const single = async (container: Container, op: OperationInput): Promise<BulkResult> => {
  try {
    switch (op.operationType) {
      case "Create":
        await container.items.create(op.resourceBody);
        return { status: 201 };
      case "Upsert":
        await container.items.upsert(op.resourceBody);
        return { status: 200 };
      case "Replace":
        await container
          .item(op.id, op.partitionKey)
          .replace(
            op.resourceBody,
            op.ifMatch ? { accessCondition: { type: "IfMatch", condition: op.ifMatch } } : {},
          );
        return { status: 200 };
      case "Delete":
        await container.item(op.id, op.partitionKey).delete();
        return { status: 204 };
      default:
        throw new Error(`runBulk does not do ${op.operationType} operations`);
    }
  } catch (error) {
    const status = cosmosStatus(error);
    if (status === undefined) return rethrowUnavailable(error);
    return { status, message: error instanceof Error ? error.message : String(error) };
  }
};

/**
 * Runs many point operations with per-operation results (never all-or-nothing: callers write
 * with deterministic ids and retry what failed). The SDK's bulk executor packs 100 operations a
 * request but holds a partial batch for up to a second before sending it, so a handful of
 * operations go out as parallel single requests instead.
 */
export const runBulk = async (
  container: Container,
  operations: readonly OperationInput[],
): Promise<BulkResult[]> => {
  if (operations.length === 0) return [];
  if (operations.length < bulkThreshold) {
    const results: BulkResult[] = new Array(operations.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(parallel, operations.length) }, async () => {
        while (next < operations.length) {
          const i = next++;
          results[i] = await single(container, operations[i] as OperationInput);
        }
      }),
    );
    return results;
  }
  try {
    const results = await container.items.executeBulkOperations([...operations]);
    return results.map((r) => ({
      // A failed operation carries its status in error.code, not in response.
      status: Number(r.response?.statusCode ?? r.error?.code ?? 0),
      ...(r.error ? { message: r.error.message } : {}),
    }));
  } catch (error) {
    return rethrowUnavailable(error);
  }
};

export const succeeded = (r: BulkResult): boolean => r.status >= 200 && r.status < 300;

/**
 * Runs the operations and insists that each did its part; a tolerated status counts as done (404
 * for deleting what is gone, 409 for creating what an earlier attempt wrote). Anything else is a
 * PartialWriteError that says how many went through, so the caller's order of writes stops there.
 */
export const runAll = async (
  container: Container,
  operations: readonly OperationInput[],
  what: string,
  tolerated: readonly number[] = [],
): Promise<void> => {
  const results = await runBulk(container, operations);
  const failed = results.filter((r) => !succeeded(r) && !tolerated.includes(r.status));
  const first = failed[0];
  if (first)
    throw new PartialWriteError(what, results.length - failed.length, failed.length, first.status);
};
