/** A merge that cannot run with the arguments given (the template itself was fine). */
export type MergeErrorCode = "no_records" | "invalid_option";

export class MergeError extends Error {
  override readonly name = "MergeError";
  constructor(
    readonly code: MergeErrorCode,
    message: string,
  ) {
    super(message);
  }
}
