import { graphFailure, retryAfterMs } from "../../../../../functions/delivery/graph/graph-errors";

const now = Date.parse("2026-12-07T10:00:00Z");
const graphAnswer = (status: number, code = "", headers: Record<string, string> = {}) => ({
  status,
  headers,
  text: JSON.stringify({ error: { code, message: "said Graph" } }),
});

describe("Graph's answers as failure kinds", () => {
  it("read Retry-After in seconds and as an HTTP date", () => {
    expect(retryAfterMs("120", now)).toBe(120_000);
    expect(retryAfterMs("Mon, 07 Dec 2026 10:00:30 GMT", now)).toBe(30_000);
    expect(retryAfterMs("soon", now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });

  it.each([
    [graphAnswer(429, "ApplicationThrottled", { "retry-after": "7" }), "throttled", 7000],
    [graphAnswer(429, "ApplicationThrottled"), "throttled", undefined],
    [graphAnswer(503, "ServiceUnavailable", { "retry-after": "2" }), "throttled", 2000],
    [graphAnswer(503, "ServiceUnavailable"), "transient", undefined],
    [graphAnswer(500, "UnknownError"), "transient", undefined],
    [graphAnswer(401, "InvalidAuthenticationToken"), "auth", undefined],
    [graphAnswer(403, "ErrorAccessDenied"), "consent", undefined],
    [graphAnswer(400, "ErrorInvalidRecipients"), "recipient", undefined],
    [graphAnswer(400, "ErrorMessageSizeExceeded"), "too_large", undefined],
    [graphAnswer(413, "RequestBodyTooLarge"), "too_large", undefined],
  ])("%j is %s", (answer, kind, wait) => {
    const failure = graphFailure(answer, now);
    expect(failure.kind).toBe(kind);
    expect(failure.retryAfterMs).toBe(wait);
    expect(failure.message).toContain("said Graph");
  });

  it("keep a proxy's HTML page readable", () => {
    const failure = graphFailure(
      { status: 502, headers: {}, text: "<html>Bad gateway</html>" },
      now,
    );
    expect(failure).toMatchObject({ kind: "transient" });
    expect(failure.message).toContain("Bad gateway");
  });
});
