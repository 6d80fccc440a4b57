/** A Business Central filter string that cannot be read; `position` is the 0-based offset into it. */
export class BcFilterError extends Error {
  override readonly name = "BcFilterError";
  constructor(
    message: string,
    readonly position: number,
    readonly filter: string,
  ) {
    super(message);
  }
}
