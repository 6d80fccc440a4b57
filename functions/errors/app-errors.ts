import type { ProblemError } from "@shared/model/problem";

/**
 * Typed errors thrown inside the Functions app. The HTTP edge turns each into its status and a
 * problem+json answer; nothing else needs to know about HTTP.
 */
export class NotFoundError extends Error {
  override readonly name = "NotFoundError";
  constructor(
    readonly entity: string,
    readonly key: string,
  ) {
    super(`${entity} ${key} does not exist.`);
  }
}

/** The thing already exists (a duplicate key) or the request conflicts with its state. */
export class ConflictError extends Error {
  override readonly name = "ConflictError";
  constructor(
    message: string,
    readonly errors: ProblemError[] = [],
  ) {
    super(message);
  }
}

/**
 * The segment was logged: as in Business Central it is history now and can only be found among
 * the logged segments, so asking for it (or changing it) names the logged segment it became.
 */
export class SegmentLoggedError extends Error {
  override readonly name = "SegmentLoggedError";
  constructor(
    readonly segmentNo: string,
    readonly loggedSegmentEntryNo: number | undefined,
  ) {
    super(
      loggedSegmentEntryNo === undefined
        ? `Segment ${segmentNo} was logged and can only be found among the logged segments.`
        : `Segment ${segmentNo} was logged as logged segment ${loggedSegmentEntryNo}: find it among the logged segments (GET /api/logged-segments/${loggedSegmentEntryNo}). A logged segment can no longer be opened, changed or deleted; create a follow-up segment to write to its contacts again.`,
    );
  }
}

/** The ETag sent in If-Match is no longer current: someone else changed the entity. */
export class PreconditionFailedError extends Error {
  override readonly name = "PreconditionFailedError";
  constructor(
    readonly entity: string,
    readonly key: string,
  ) {
    super(
      `Someone else changed ${entity} ${key} after you read it. Reload it, then make your change again.`,
    );
  }
}

/** Input that is well-formed but breaks a rule, naming each field and the rule. */
export class ValidationError extends Error {
  override readonly name = "ValidationError";
  constructor(
    readonly errors: ProblemError[],
    message = "The request has invalid fields.",
    readonly status: 400 | 403 | 409 | 422 = 400,
  ) {
    super(message);
  }
}

export class UnauthorizedError extends Error {
  override readonly name = "UnauthorizedError";
}

export class ForbiddenError extends Error {
  override readonly name = "ForbiddenError";
}

export class PayloadTooLargeError extends Error {
  override readonly name = "PayloadTooLargeError";
  constructor(readonly limitBytes: number) {
    super(`The request body is larger than ${limitBytes} bytes.`);
  }
}

/**
 * Every merge thread is busy and the queue holds as many tasks as it may: try again shortly.
 * Here rather than with the worker pool that throws it, so the edge maps it without reaching
 * into merge/.
 */
export class WorkerPoolFullError extends Error {
  override readonly name = "WorkerPoolFullError";
  constructor(readonly maxQueue: number) {
    super(
      `The server is busy with other letters (${maxQueue} tasks waiting already). Try again in a moment.`,
    );
  }
}

/**
 * Every LibreOffice process converting to PDF is busy and as many conversions wait as may
 * (functions/convert/): try again shortly.
 */
export class ConverterBusyError extends Error {
  override readonly name = "ConverterBusyError";
  constructor(
    readonly size: number,
    readonly maxQueue: number,
  ) {
    super(
      `Every PDF converter is busy (${size} converting, ${maxQueue} waiting). Try again in a moment.`,
    );
  }
}

/** LibreOffice could not convert a merged document to PDF: the job fails with the reason. */
export class ConversionFailedError extends Error {
  override readonly name = "ConversionFailedError";
  constructor(readonly reason: string) {
    super(`LibreOffice could not convert the letters to PDF: ${reason}`);
  }
}

/** A conversion ran past its time: its processes were killed and the job fails. */
export class ConversionTimeoutError extends Error {
  override readonly name = "ConversionTimeoutError";
  constructor(readonly timeoutMs: number) {
    super(
      `LibreOffice did not finish the PDF within ${timeoutMs} ms and was stopped; merge fewer letters at once or raise MERGELINE_PDF_TIMEOUT_SECONDS.`,
    );
  }
}

/** A store or another service we depend on is not answering. */
export class DependencyError extends Error {
  override readonly name = "DependencyError";
}

/**
 * Store answers that go away by themselves: throttled, timed out, retry-with, unavailable, or no
 * answer at all. Any other 4xx is a refusal that the same request meets again.
 */
const isTransientStatus = (status: number) =>
  !(status >= 400 && status < 500) || status === 408 || status === 429 || status === 449;

/**
 * A bulk write the store finished only in part: some documents are written, the others are not.
 * Every bulk write names its documents by deterministic ids, so repeating the request finds what
 * was written and writes only the rest; `remedy` says which request that is.
 */
export class PartialWriteError extends Error {
  override readonly name = "PartialWriteError";
  readonly total: number;
  constructor(
    /** What was being written: "Writing interaction log entries". */
    readonly what: string,
    readonly written: number,
    readonly failed: number,
    /** A status the store answered for a failed document (429, 503, 412...). */
    readonly status: number,
    /** What the user does to finish it: "repeat the Log to finish it". */
    readonly remedy = "repeat the request to finish it",
  ) {
    super(
      `${what}: ${written} of ${written + failed} written, ${failed} not (the store answered ${status}); ${remedy}.`,
    );
    this.total = written + failed;
  }

  /** The store refused for now (throttled, timed out, unavailable): the same request will do. */
  get transient(): boolean {
    return isTransientStatus(this.status);
  }

  /** The same error, with the remedy the caller knows better. */
  withRemedy(remedy: string): PartialWriteError {
    return new PartialWriteError(this.what, this.written, this.failed, this.status, remedy);
  }
}
