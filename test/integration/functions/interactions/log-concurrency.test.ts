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
    body: { no, description: "Forårsbrev", interactionTemplateCode: "LETTER", campaignNo: "CP1" },
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
  (await api.call("GET", `/api/logged-segments/${loggedEntryNo}/entries?top=500`)).json
    .items as { entryNo: number; contactNo: string }[];
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
