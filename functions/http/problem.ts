import type { HttpResponseInit } from "@azure/functions";
import type { ProblemError } from "@shared/model/problem";
import {
  ConflictError,
  DependencyError,
  ForbiddenError,
  NotFoundError,
  PartialWriteError,
  PayloadTooLargeError,
  PreconditionFailedError,
  SegmentLoggedError,
  UnauthorizedError,
  ValidationError,
  WorkerPoolFullError,
  ConverterBusyError,
  ConversionFailedError,
  ConversionTimeoutError,
} from "../errors/app-errors";
import { engineProblem } from "./engine-problems";
import { problemResponse } from "./problem-response";

export { problemResponse };

export const validationProblem = (
  errors: ProblemError[],
  detail = "The request has invalid fields; see errors.",
  status = 400,
  instance?: string,
): HttpResponseInit =>
  problemResponse(status, "validation", "Invalid request", {
    detail,
    errors,
    ...(instance ? { instance } : {}),
  });

/** Every typed error has its answer; anything else is our fault and says so without details. */
export const errorToResponse = (error: unknown, instance: string): HttpResponseInit => {
  if (error instanceof ValidationError) {
    return validationProblem(error.errors, error.message, error.status, instance);
  }
  const engine = engineProblem(error, instance);
  if (engine) return engine;
  if (error instanceof NotFoundError) {
    return problemResponse(404, "not-found", "Not found", { detail: error.message, instance });
  }
  if (error instanceof SegmentLoggedError) {
    return problemResponse(410, "segment-logged", "The segment was logged", {
      detail: error.message,
      instance,
      ...(error.loggedSegmentEntryNo !== undefined
        ? { loggedSegmentEntryNo: error.loggedSegmentEntryNo }
        : {}),
    });
  }
  if (error instanceof PreconditionFailedError) {
    return problemResponse(412, "stale-etag", "Changed by someone else", {
      detail: error.message,
      instance,
    });
  }
  if (error instanceof ConflictError) {
    return problemResponse(409, "conflict", "Conflict", {
      detail: error.message,
      instance,
      ...(error.errors.length ? { errors: error.errors } : {}),
    });
  }
  if (error instanceof PartialWriteError) {
    // Written in part: what is written stays, and the same request writes the rest. A store
    // that refused for now (throttled, unavailable) is a 503 to retry; a refusal that stays is
    // the state of the data, a 409.
    return error.transient
      ? problemResponse(
          503,
          "partial-write",
          "Written only in part",
          { detail: error.message, instance },
          { "retry-after": "5" },
        )
      : problemResponse(409, "partial-write", "Written only in part", {
          detail: error.message,
          instance,
        });
  }
  if (error instanceof UnauthorizedError) {
    return problemResponse(
      401,
      "unauthorized",
      "Sign-in required",
      { detail: error.message, instance },
      {
        "www-authenticate": 'Bearer realm="mergeline"',
      },
    );
  }
  if (error instanceof ForbiddenError) {
    return problemResponse(403, "forbidden", "Not allowed", { detail: error.message, instance });
  }
  if (error instanceof PayloadTooLargeError) {
    return problemResponse(413, "too-large", "Request too large", {
      detail: error.message,
      instance,
    });
  }
  if (error instanceof WorkerPoolFullError) {
    return problemResponse(
      503,
      "busy",
      "Busy with other letters",
      { detail: error.message, instance },
      { "retry-after": "5" },
    );
  }
  if (error instanceof ConverterBusyError) {
    return problemResponse(
      503,
      "converter-busy",
      "Busy converting other letters to PDF",
      { detail: error.message, instance },
      { "retry-after": "10" },
    );
  }
  if (error instanceof ConversionFailedError || error instanceof ConversionTimeoutError) {
    return problemResponse(422, "conversion-failed", "The letters could not be made into PDF", {
      detail: error.message,
      instance,
    });
  }
  if (error instanceof DependencyError) {
    return problemResponse(
      503,
      "unavailable",
      "A store is not answering",
      { detail: error.message, instance },
      {
        "retry-after": "5",
      },
    );
  }
  return problemResponse(500, "internal", "Something went wrong on our side", {
    detail: "The error was logged. Try again; if it persists, contact your administrator.",
    instance,
  });
};
