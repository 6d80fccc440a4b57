import { DependencyError } from "../errors/app-errors";

/** The status code of an error the Cosmos SDK threw, or undefined for anything else. */
export const cosmosStatus = (error: unknown): number | undefined => {
  if (error && typeof error === "object" && "code" in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === "number") return code;
  }
  return undefined;
};

const networkCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE"]);

/** Connection failures become a typed DependencyError (503); everything else passes through. */
export const rethrowUnavailable = (error: unknown): never => {
  const code =
    error && typeof error === "object" && "code" in error
      ? (error as { code: unknown }).code
      : undefined;
  const cause =
    error instanceof Error && error.cause && typeof error.cause === "object"
      ? (error.cause as { code?: unknown }).code
      : undefined;
  if (
    (typeof code === "string" && networkCodes.has(code)) ||
    (typeof cause === "string" && networkCodes.has(cause))
  ) {
    throw new DependencyError("The database is not reachable. Try again in a moment.");
  }
  throw error;
};
