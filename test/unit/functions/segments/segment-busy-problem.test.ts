import { Problem } from "@shared/model/problem";
import { errorToResponse } from "../../../../functions/http/problem";
import { busyError, holderName } from "../../../../functions/segments/segment-lock";
import { asTenantId } from "../../../../functions/store/tenant";
import type { SegmentLock } from "../../../../functions/store/segment-lock-repository";

const lock = (over: Partial<SegmentLock> = {}): SegmentLock => ({
  segmentNo: "S10",
  userId: "00000000-0000-0000-0000-00000000a11c",
  userName: "Alice Jensen",
  operation: "addContacts",
  since: "2026-12-07T14:02:11.123Z",
  leaseUntil: "2026-12-07T14:04:11.123Z",
  owner: "o-1",
  etag: '"1"',
  ...over,
});
const bob = { userId: "00000000-0000-0000-0000-000000000b0b" };

/** The 409 as the pane and other API clients read it, through the contract. */
const answerTo = (error: unknown) => {
  const answer = errorToResponse(error, "/api/segments/S10/add-contacts");
  expect(answer.status).toBe(409);
  return Problem.parse(answer.jsonBody);
};

describe("the segment is busy: the 409 names the field and the rule, and carries the facts", () => {
  it("says who, doing what, since and until when, in fields a client can read", () => {
    const problem = answerTo(busyError(lock(), bob));
    expect(problem.errors).toEqual([
      {
        in: "path",
        field: "no",
        rule: "segment_busy",
        message: problem.detail,
        busy: {
          holder: "Alice Jensen",
          byYou: false,
          operation: "addContacts",
          since: "2026-12-07T14:02:11.123Z",
          leaseUntil: "2026-12-07T14:04:11.123Z",
        },
      },
    ]);
    // The English detail stays for API clients.
    expect(problem.detail).toBe(
      "Segment S10 is busy: Alice Jensen is adding contacts since 2026-12-07T14:02:11.123Z; the lease ends at 2026-12-07T14:04:11.123Z; try again.",
    );
  });

  it("knows the caller in another window is the holder", () => {
    const busy = answerTo(busyError(lock({ operation: "log" }), { userId: lock().userId }))
      .errors?.[0]?.busy;
    expect(busy).toMatchObject({ byYou: true, operation: "log" });
  });

  it("never names the holder by their object id: no name known, no holder", () => {
    const oid = lock().userId;
    const signIn = { tenantId: asTenantId("t"), userId: oid, roles: [] };
    expect(
      holderName({ ...signIn, userName: "alice@contoso.com", displayName: "Alice Jensen" }),
    ).toBe("Alice Jensen");
    expect(holderName({ ...signIn, userName: "alice@contoso.com" })).toBe("alice@contoso.com");
    // A token without name claims leaves only the object id in userName.
    expect(holderName({ ...signIn, userName: oid })).toBe("");
    const problem = answerTo(busyError(lock({ userName: "" }), bob));
    expect(problem.errors?.[0]?.busy).not.toHaveProperty("holder");
    expect(problem.detail).not.toContain(oid);
    expect(problem.detail).toContain("someone else is adding contacts");
  });

  it("keeps the rule without facts for a lock whose operation it does not know", () => {
    const problem = answerTo(busyError(lock({ operation: "somethingNewer" }), bob));
    expect(problem.errors?.[0]).toMatchObject({ in: "path", field: "no", rule: "segment_busy" });
    expect(problem.errors?.[0]).not.toHaveProperty("busy");
  });
});
