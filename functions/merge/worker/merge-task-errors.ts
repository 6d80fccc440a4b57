import {
  MergeError,
  TemplateError,
  type MergeErrorCode,
  type TemplateErrorCode,
} from "@shared/merge/index";
import { ConversionFailedError } from "../../errors/app-errors";
import { WorkerTaskError } from "./worker-pool-errors";
import type { SerializedError } from "./worker-protocol";

const text = (value: unknown): string | undefined =>
  typeof value === "string" ? value : undefined;

/**
 * The merge engine's typed errors, built again on this side of the thread so the HTTP edge
 * answers them as it always has (a TemplateError is a 413/422 naming its rule); plain fields
 * the constructor does not take (a limit, a count) come along as they were. An error of a kind
 * not listed here becomes a WorkerTaskError: a 500, as any unexpected error is.
 */
export const reviveMergeError = (error: SerializedError): Error => {
  const { name: _name, ...fields } = error.fields;
  const revived =
    error.name === "TemplateError"
      ? new TemplateError(fields["code"] as TemplateErrorCode, error.message, text(fields["part"]))
      : error.name === "MergeError"
        ? new MergeError(fields["code"] as MergeErrorCode, error.message)
        : error.name === "ConversionFailedError"
          ? new ConversionFailedError(text(fields["reason"]) ?? error.message)
          : undefined;
  return revived ? Object.assign(revived, fields) : new WorkerTaskError(error.name, error.message);
};
