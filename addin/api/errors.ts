import type { Problem } from "@shared/model/problem";

/**
 * The API answered with a non-2xx status; `problem` is its RFC 9457 body when it sent one, in the
 * pane's words (ui/problem-texts.ts), and `sent` the body as the server wrote it, for support.
 */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
    readonly endpoint: string,
    readonly sent: Problem | undefined = problem,
  ) {
    super(
      problem ? `${problem.title}${problem.detail ? `: ${problem.detail}` : ""}` : `HTTP ${status}`,
    );
  }
}

/** No answer at all: the API is down, the URL is wrong, or CORS refused the call. */
export class ApiUnreachableError extends Error {
  override readonly name = "ApiUnreachableError";
  constructor(
    readonly url: string,
    options?: { cause?: unknown },
  ) {
    super(`API unreachable: ${url}`, options);
  }
}

/** The API answered 2xx with a body the contract does not describe: client and server disagree. */
export class ApiContractError extends Error {
  override readonly name = "ApiContractError";
  constructor(
    readonly endpoint: string,
    readonly issues: readonly { path: readonly PropertyKey[]; message: string }[],
  ) {
    super(
      `${endpoint}: the response does not match the contract (${issues.map((i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`).join("; ")})`,
    );
  }
}
