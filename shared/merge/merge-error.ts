import type { LimitExceeded } from "./template-error";

/** A merge that cannot run with the arguments given (the template itself was fine). */
export type MergeErrorCode =
  | "no_records"
  | "invalid_option"
  /** The output, estimated before any letter is written, is over the output limit. */
  | "output_too_large";

export class MergeError extends Error {
  override readonly name = "MergeError";
  /** For output_too_large: the limit and the estimate, in bytes. */
  readonly limit: number | undefined;
  readonly actual: number | undefined;
  constructor(
    readonly code: MergeErrorCode,
    message: string,
    exceeded?: LimitExceeded,
  ) {
    super(message);
    this.limit = exceeded?.limit;
    this.actual = exceeded?.actual;
  }
}
