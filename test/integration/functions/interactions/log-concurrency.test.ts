import { series } from "../../../../functions/store/number-series";
import { asTenantId } from "../../../../functions/store/tenant";
import { startApi, type ApiHarness, type CallResult } from "../../harness/api-harness";
import { seedLoggingTenant } from "./logging-fixture";

/**
 * Concurrent Logs on one segment, and a Log whose process died: one Log wins, the others are
 * refused (409/412, never 404); a Log left behind is finished by whoever comes next.
 */
let api: ApiHarness;
const tenant = asTenantId("tenant-a");
beforeAll(async () => {
  api = await startApi();
  await seedLoggingTenant(api);
});
afterAll(() => api.close());

const make = async (no: string, contacts: string[]) => {
  await api.call("POST", "/api/segments", {
    body: {
      no,
      description: "Forårsbrev",
      interactionTemplateCode: "LETTER",
      campaignNo: "CP1",
      salespersonCode: "JO",
    },
  });
  for (const contactNo of contacts)
    await api.call("POST", `/api/segments/${no}/lines`, { body: { contactNo } });
  return (await api.call("GET", `/api/segments/${no}`)).json as { etag: string };
};
const log = (no: string, etag: string, user = "alice@a.example") =>
  api.call("POST", `/api/segments/${no}/log`, { body: {}, ifMatch: etag, user });
const loggedOf = async (no: string) =>
  (await api.call("GET", `/api/logged-segments?segmentNo=${no}`)).json.items as {
    entryNo: number;
    noOfInteractions: number;
  }[];
const entriesOf = async (loggedEntryNo: number) =>
  (await api.call("GET", `/api/logged-segments/${loggedEntryNo}/entries?top=500`)).json.items as {
    entryNo: number;
    contactNo: string;
  }[];
const problemOf = (res: CallResult) => {
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  return res.json as { status: number; detail: string };
};

/** What a process killed after locking the segment and writing the first entry leaves behind. */
const crashMidLog = async (no: string, headerEtag: string, userId = "alice@a.example") => {
  const { etag, ...header } = await api.deps.store.segments.headers.get(tenant, no);
  const numbers = api.deps.store.numberSeries;
  const loggedSegmentEntryNo = await numbers.reserve(tenant, series.loggedSegment);
  const firstEntryNo = await numbers.reserve(tenant, series.interactionLogEntry, 3);
  await api.deps.store.segments.logRuns.create(tenant, no, {
    segmentNo: no,
    status: "writing",
    headerEtag,
    loggedSegmentEntryNo,
    firstEntryNo,
    total: 3,
    written: 0,
    followUp: false,
    startedAt: "2026-11-22T10:00:00.000Z",
    userId,
  });
  await api.deps.store.segments.headers.replace(tenant, no, { ...header, status: "logging" }, etag);
  return { loggedSegmentEntryNo, firstEntryNo };
};

describe("concurrent Logs", () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    "six Logs with one If-Match at once: exactly one logs, the others 409/412, never 404 (round %d)",
    async (round) => {
      const no = `LC1-${round}`;
      const segment = await make(no, ["KT11", "KT12", "KT13"]);
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => log(no, segment.etag, `user${i}@a.example`)),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      for (const refused of answers.filter((a) => a.status !== 200)) {
        expect([409, 412]).toContain(refused.status);
        expect(problemOf(refused).detail).toMatch(/busy|already logged|changed/);
      }
      const logged = await loggedOf(no);
      expect(logged).toHaveLength(1);
      expect(logged[0]?.noOfInteractions).toBe(3);
      const entries = await entriesOf(logged[0]?.entryNo as number);
      expect(entries.map((e) => e.contactNo).sort()).toEqual(["KT11", "KT12", "KT13"]);
    },
  );
});

describe("a Log whose process died", () => {
  it("is shown as abandoned and finished by another user with the segment's current ETag, exactly once", async () => {
    const segment = await make("LC2", ["KT11", "KT12", "KT13"]);
    const { loggedSegmentEntryNo } = await crashMidLog("LC2", segment.etag);

    const status = await api.call("GET", "/api/segments/LC2/log-status", {
      user: "bob@a.example",
    });
    expect(status.json).toMatchObject({
      status: "abandoned",
      total: 3,
      startedBy: "alice@a.example",
    });
    const current = await api.call("GET", "/api/segments/LC2", { user: "bob@a.example" });
    expect(current.json.status).toBe("logging");
    const finished = await log("LC2", current.json.etag, "bob@a.example");
    expect(finished.status).toBe(200);
    expect(finished.json.loggedSegment).toMatchObject({
      entryNo: loggedSegmentEntryNo,
      noOfInteractions: 3,
    });
    expect(await loggedOf("LC2")).toHaveLength(1);
    expect(await entriesOf(loggedSegmentEntryNo)).toHaveLength(3);
    const again = await log("LC2", current.json.etag, "carol@a.example");
    expect(again.status).toBe(409);
    expect(problemOf(again).detail).toMatch(/already logged/);
    expect(await entriesOf(loggedSegmentEntryNo)).toHaveLength(3);
  });
});

/** A hold on the segment as a Log request in another process leaves it, live or run out. */
const holdAs = async (no: string, userId: string, leaseUntil: Date) =>
  api.deps.store.segments.locks.acquire(
    tenant,
    no,
    {
      userId,
      userName: userId,
      operation: "log",
      since: "2026-11-22T10:00:00.000Z",
      leaseUntil: leaseUntil.toISOString(),
    },
    new Date("2026-11-22T10:00:00.000Z"),
  );
const inAMinute = () => new Date(Date.now() + 60_000);
const aMinuteAgo = () => new Date(Date.now() - 60_000);
const resume = (no: string, user: string) =>
  api.call("POST", `/api/segments/${no}/log/resume`, { user });

describe("while the Log's lease is live", () => {
  it("everyone else gets 409 naming who is logging and when the lease ends, and nothing is written", async () => {
    const segment = await make("LC3", ["KT11", "KT12", "KT13"]);
    const { loggedSegmentEntryNo } = await crashMidLog("LC3", segment.etag);
    const leaseUntil = inAMinute();
    await holdAs("LC3", "alice@a.example", leaseUntil);
    const bob = "bob@a.example";

    const status = await api.call("GET", "/api/segments/LC3/log-status", { user: bob });
    expect(status.json).toMatchObject({
      status: "writing",
      loggingBy: "alice@a.example",
      leaseEndsAt: leaseUntil.toISOString(),
    });
    const current = (await api.call("GET", "/api/segments/LC3", { user: bob })).json;
    const busy = new RegExp(
      `^Segment LC3 is busy: alice@a\\.example is logging it since 2026-11-22T10:00:00\\.000Z; the lease ends at ${leaseUntil.toISOString().replace(/\./g, "\\.")}; try again\\.$`,
    );
    const refusals = [
      await log("LC3", current.etag, bob),
      await log("LC3", segment.etag, bob),
      await resume("LC3", bob),
      await api.call("POST", "/api/segments/LC3/go-back", { user: bob, body: {} }),
      await api.call("DELETE", "/api/segments/LC3", { user: bob }),
    ];
    for (const refused of refusals) {
      expect(refused.status).toBe(409);
      expect(problemOf(refused).detail).toMatch(busy);
      expect(refused.json.errors).toEqual([
        expect.objectContaining({
          in: "path",
          field: "no",
          rule: "segment_busy",
          busy: {
            holder: "alice@a.example",
            byYou: false,
            operation: "log",
            since: "2026-11-22T10:00:00.000Z",
            leaseUntil: leaseUntil.toISOString(),
          },
        }),
      ]);
    }
    // Lines and the header are read-only while the segment is being logged.
    const line = await api.call("POST", "/api/segments/LC3/lines", {
      user: bob,
      body: { contactNo: "KT1" },
    });
    expect(line.status).toBe(409);
    const patch = await api.call("PATCH", "/api/segments/LC3", {
      user: bob,
      body: { description: "x" },
      ifMatch: current.etag,
    });
    expect(patch.status).toBe(409);

    expect(await loggedOf("LC3")).toEqual([]);
    expect(await api.deps.store.interactions.entriesOfLogged(tenant, loggedSegmentEntryNo)).toEqual(
      [],
    );
    expect((await api.call("GET", "/api/segments/LC3", { user: bob })).json).toMatchObject({
      status: "logging",
      etag: current.etag,
      noOfLines: 3,
    });
  });
});

describe("after the Log's lease ran out", () => {
  it("resume by another user finishes it exactly once; a repeat answers the same outcome", async () => {
    const segment = await make("LC4", ["KT11", "KT12", "KT13"]);
    const { loggedSegmentEntryNo } = await crashMidLog("LC4", segment.etag);
    await holdAs("LC4", "alice@a.example", aMinuteAgo());
    expect(
      (await api.call("GET", "/api/segments/LC4/log-status", { user: "bob@a.example" })).json,
    ).toMatchObject({ status: "abandoned", startedBy: "alice@a.example", written: 0, total: 3 });

    const finished = await resume("LC4", "bob@a.example");
    expect(finished.status).toBe(200);
    expect(finished.json).toMatchObject({
      replayed: false,
      loggedSegment: { entryNo: loggedSegmentEntryNo, noOfInteractions: 3 },
    });
    const again = await resume("LC4", "carol@a.example");
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({
      replayed: true,
      loggedSegment: { entryNo: loggedSegmentEntryNo },
    });
    expect(await loggedOf("LC4")).toHaveLength(1);
    expect(await entriesOf(loggedSegmentEntryNo)).toHaveLength(3);
    expect(
      (await api.call("GET", "/api/segments/LC4/log-status", { user: "bob@a.example" })).json,
    ).toMatchObject({ status: "done", written: 3, total: 3 });
    // The hold went with the finished Log: the segment is free (and logged, so read-only).
    expect(await api.deps.store.segments.locks.find(tenant, "LC4")).toBeUndefined();
  });

  it("six resumes at once: one finishes, the others 409 (busy) or the same outcome, never 404", async () => {
    const segment = await make("LC5", ["KT11", "KT12", "KT13"]);
    const { loggedSegmentEntryNo } = await crashMidLog("LC5", segment.etag);
    await holdAs("LC5", "alice@a.example", aMinuteAgo());
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => resume("LC5", `user${i}@a.example`)),
    );
    const firsts = answers.filter((a) => a.status === 200 && a.json.replayed === false);
    expect(firsts).toHaveLength(1);
    for (const other of answers.filter((a) => !firsts.includes(a))) {
      if (other.status === 200) expect(other.json.replayed).toBe(true);
      else {
        expect(other.status).toBe(409);
        expect(problemOf(other).detail).toMatch(/is busy: user\d@a\.example is logging it/);
      }
    }
    expect(await loggedOf("LC5")).toHaveLength(1);
    expect(await entriesOf(loggedSegmentEntryNo)).toHaveLength(3);
  });

  it("a Go Back or a delete by someone else does not skip the Log: it says to finish it first", async () => {
    const segment = await make("LC6", ["KT11", "KT12"]);
    await crashMidLog("LC6", segment.etag);
    await holdAs("LC6", "alice@a.example", aMinuteAgo());
    for (const res of [
      await api.call("POST", "/api/segments/LC6/go-back", { user: "bob@a.example", body: {} }),
      await api.call("DELETE", "/api/segments/LC6", { user: "bob@a.example" }),
    ]) {
      expect(res.status).toBe(409);
      expect(problemOf(res).detail).toMatch(/LC6.*stopped before it finished.*log\/resume/);
    }
    expect((await api.call("GET", "/api/segments/LC6")).json).toMatchObject({
      status: "logging",
      noOfLines: 2,
    });
    expect(
      (await api.call("GET", "/api/segments/LC6/log-status", { user: "bob@a.example" })).json,
    ).toMatchObject({ status: "abandoned" });
  });
});

describe("POST /segments/{no}/log/resume with bad input", () => {
  it("answers 4xx problem+json naming the rule, and writes nothing", async () => {
    await make("LC7", ["KT11"]);
    const before = await api.call("GET", "/api/segments/LC7");

    const open = await resume("LC7", "bob@a.example");
    expect(open.status).toBe(409);
    expect(problemOf(open).detail).toMatch(/no stopped Log to finish/);
    expect(open.json.errors).toEqual([
      expect.objectContaining({ in: "path", field: "no", rule: "log_stopped" }),
    ]);

    const unknown = await resume("NOSUCH", "bob@a.example");
    expect(unknown.status).toBe(404);
    expect(problemOf(unknown).detail).toMatch(/Segment NOSUCH does not exist/);

    const badNo = await resume("X".repeat(300), "bob@a.example");
    expect(badNo.status).toBe(400);
    expect(badNo.json.errors).toContainEqual(
      expect.objectContaining({ in: "path", field: "no", rule: "too_big" }),
    );

    const anonymous = await api.call("POST", "/api/segments/LC7/log/resume", { anonymous: true });
    expect(anonymous.status).toBe(401);

    const otherTenant = await api.call("POST", "/api/segments/LC7/log/resume", {
      tenant: "tenant-b",
    });
    expect(otherTenant.status).toBe(404);

    expect(await api.call("GET", "/api/segments/LC7")).toMatchObject({
      json: { status: "open", etag: before.json.etag },
    });
    expect(await api.deps.store.segments.logRuns.find(tenant, "LC7")).toBeUndefined();
    expect(await api.deps.store.segments.locks.find(tenant, "LC7")).toBeUndefined();
  });
});

/** A segment LONG of 20 people with a template and a salesperson, ready to log, in `as`'s tenant. */
const seedLongSegment = async (
  harness: ApiHarness,
  as: { readonly tenant: string; readonly user: string; readonly displayName?: string },
) => {
  const rows = ["No.;Type;Name"];
  for (let i = 1; i <= 20; i++) rows.push(`KR${String(i).padStart(5, "0")};Person;K ${i}`);
  for (const [method, path, options] of [
    [
      "POST",
      "/api/contacts/import",
      { rawBody: { contentType: "text/csv", text: rows.join("\r\n") } },
    ],
    ["POST", "/api/interaction-templates", { body: { code: "LETTER", description: "Brev" } }],
    ["POST", "/api/salespeople", { body: { code: "JO", name: "Jonas Olsen" } }],
    [
      "POST",
      "/api/segments",
      {
        body: {
          no: "LONG",
          description: "Long",
          interactionTemplateCode: "LETTER",
          salespersonCode: "JO",
        },
      },
    ],
    [
      "POST",
      "/api/segments/LONG/add-contacts",
      { body: { filter: { kind: "field", field: "type", op: "eq", value: "person" } } },
    ],
  ] as const) {
    const res = await harness.call(method, path, { ...as, ...options });
    if (res.status >= 300) throw new Error(`${path}: ${res.text}`);
  }
};

describe("a Log that takes longer than its lease", () => {
  it("renews the lease while it writes: nobody takes it over, however often they try", async () => {
    // Seconds, so that an event loop stalled by a loaded machine (renewals are a third of the
    // lease apart) does not let the lease run out; the entries' write is held back for four
    // lease lengths (a slow store), so only renewals keep the segment from being taken over.
    const leaseMs = 3_000;
    const short = await startApi({ segmentLeaseMs: leaseMs }, api.cosmos);
    const interactions = short.deps.store.interactions;
    const createEntries = interactions.createEntries.bind(interactions);
    interactions.createEntries = async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, 4 * leaseMs));
      return createEntries(...args);
    };
    try {
      const as = { tenant: "lease-tenant", user: "alice" };
      await seedLongSegment(short, as);
      const segment = (await short.call("GET", "/api/segments/LONG", as)).json;
      let done = false;
      const logging = short
        .call("POST", "/api/segments/LONG/log", { ...as, body: {}, ifMatch: segment.etag })
        .finally(() => (done = true));
      // bob tries to take the Log over with the current ETag until it has finished.
      const leaseEnds = new Set<string>();
      const bob = { tenant: "lease-tenant", user: "bob" };
      while (!done) {
        const read = await short.call("GET", "/api/segments/LONG", bob);
        // Logged, the segment is history: 410.
        if (read.status === 410) break;
        const current = read.json;
        const res = await short.call("POST", "/api/segments/LONG/log", {
          ...bob,
          body: {},
          ifMatch: current.etag,
        });
        // Alice's Log may finish between bob's read and his try, before her answer arrives.
        if (res.status === 409 && /already logged/.test(res.json.detail)) break;
        expect(res.status).toBe(409);
        const busy =
          /^Segment LONG is busy: alice is logging it since \S+; the lease ends at (\S+); try again\.$/.exec(
            res.json.detail,
          );
        expect(busy).not.toBeNull();
        leaseEnds.add(busy?.[1] ?? "");
        await new Promise((resolve) => setTimeout(resolve, leaseMs / 3));
      }
      const result = await logging;
      expect(result.status).toBe(200);
      expect(result.json.loggedSegment).toMatchObject({ noOfInteractions: 20, userId: "alice" });
      // Each refusal quoted the lease as it stood: it moved on while the Log wrote, more than
      // two lease lengths past where it first ended (bob was refused long after that).
      const ends = [...leaseEnds].map((end) => Date.parse(end));
      expect(Math.max(...ends) - Math.min(...ends)).toBeGreaterThan(2 * leaseMs);
    } finally {
      await short.close();
    }
  });
});

describe("who the Log status names", () => {
  it("names the user who is logging and who started it by their name, never their object id", async () => {
    const harness = await startApi({}, api.cosmos);
    const interactions = harness.deps.store.interactions;
    const createEntries = interactions.createEntries.bind(interactions);
    let release: () => void = () => undefined;
    const writing = new Promise<void>((resolve) => (release = resolve));
    interactions.createEntries = async (...args) => {
      await writing;
      return createEntries(...args);
    };
    try {
      // Entra ID's oid, and the token's name claim.
      const oid = "7c1e3b9a-52f4-4d0e-9a61-3f0b8d2c4e11";
      const alice = { tenant: "names-tenant", user: oid, displayName: "Alice Jensen" };
      await seedLongSegment(harness, alice);
      const segment = (await harness.call("GET", "/api/segments/LONG", alice)).json;
      const logging = harness.call("POST", "/api/segments/LONG/log", {
        ...alice,
        body: {},
        ifMatch: segment.etag,
      });
      const bob = { tenant: "names-tenant", user: "bob" };
      const statusWhile = async () => {
        for (;;) {
          const status = await harness.call("GET", "/api/segments/LONG/log-status", bob);
          if (status.json.status === "writing") return status.json;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      };
      const whileWriting = await statusWhile();
      release();
      expect((await logging).status).toBe(200);
      expect(whileWriting).toMatchObject({
        loggingBy: "Alice Jensen",
        startedByName: "Alice Jensen",
      });
      const done = (await harness.call("GET", "/api/segments/LONG/log-status", bob)).json;
      expect(done).toMatchObject({ status: "done", startedByName: "Alice Jensen" });
      // The object id is the API's id of the user (startedBy), never a name to show.
      expect(done.startedBy).toBe(oid);
      expect(whileWriting.loggingBy).not.toBe(oid);
    } finally {
      release();
      await harness.close();
    }
  });
});
