import { PartialWriteError } from "../../../../functions/errors/app-errors";
import { errorToResponse } from "../../../../functions/http/problem";

const logStopped = (status: number) =>
  new PartialWriteError("Writing interaction log entries", 995, 5, status).withRemedy(
    "repeat the Log to finish it",
  );

describe("a bulk write the store finished only in part", () => {
  it.each([429, 408, 449, 500, 503])(
    "answers 503 with Retry-After when the store refused for now (%i), saying how far it got and to repeat the Log",
    (status) => {
      const answer = errorToResponse(logStopped(status), "/api/segments/S1/log");
      expect(answer.status).toBe(503);
      expect(answer.headers).toMatchObject({
        "content-type": "application/problem+json",
        "retry-after": "5",
      });
      expect(answer.jsonBody).toMatchObject({
        type: "https://mergeline.dev/problems/partial-write",
        status: 503,
        instance: "/api/segments/S1/log",
      });
      const detail = (answer.jsonBody as { detail: string }).detail;
      expect(detail).toContain("995 of 1000 written, 5 not");
      expect(detail).toContain("repeat the Log to finish it");
    },
  );

  it.each([400, 403, 404, 412, 413])(
    "answers 409 when the store refuses for good (%i): the data is half written, not the store busy",
    (status) => {
      const answer = errorToResponse(logStopped(status), "/api/segments/S1/log");
      expect(answer.status).toBe(409);
      expect(answer.headers).not.toHaveProperty("retry-after");
      expect(answer.jsonBody).toMatchObject({
        type: "https://mergeline.dev/problems/partial-write",
        status: 409,
      });
      expect((answer.jsonBody as { detail: string }).detail).toContain(
        "995 of 1000 written, 5 not",
      );
    },
  );

  it("says to repeat the request when the caller names no better remedy", () => {
    const error = new PartialWriteError("Adding lines", 0, 3, 503);
    expect(error.message).toBe(
      "Adding lines: 0 of 3 written, 3 not (the store answered 503); repeat the request to finish it.",
    );
    expect(error).toMatchObject({ name: "PartialWriteError", written: 0, failed: 3, total: 3 });
  });
});
