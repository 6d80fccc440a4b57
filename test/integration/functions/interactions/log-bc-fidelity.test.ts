import { startApi, type ApiHarness } from "../../harness/api-harness";
import { seedLoggingTenant } from "./logging-fixture";

/**
 * Log as Business Central's Log Segment does it: entries take the segment's date, an e-mail line
 * without an address is refused only when a letter is sent, one campaign entry per logged segment
 * and campaign, and the If-Match of a Log covers the lines that were reviewed.
 */
let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
  await seedLoggingTenant(api);
});
afterAll(() => api.close());

const make = async (no: string, contacts: string[], header: object = {}) => {
  const created = await api.call("POST", "/api/segments", {
    body: {
      no,
      description: "Forårsbrev",
      interactionTemplateCode: "LETTER",
      campaignNo: "CP1",
      salespersonCode: "JO",
      ...header,
    },
  });
  if (created.status !== 201) throw new Error(`${created.status} ${created.text}`);
  for (const contactNo of contacts)
    await api.call("POST", `/api/segments/${no}/lines`, { body: { contactNo } });
  return (await api.call("GET", `/api/segments/${no}`)).json as { etag: string };
};
const log = (no: string, etag: string) =>
  api.call("POST", `/api/segments/${no}/log`, { body: {}, ifMatch: etag });
/** The marketer's Log retries while the segment is busy, as the pane offers. */
const logRetryingBusy = async (no: string, etag: string) => {
  for (let attempt = 0; ; attempt++) {
    const res = await log(no, etag);
    if (res.status !== 409 || !/busy/.test(String(res.json.detail)) || attempt > 500) return res;
  }
};
const loggedOf = async (no: string) =>
  (await api.call("GET", `/api/logged-segments?segmentNo=${no}`)).json.items as {
    entryNo: number;
    noOfInteractions: number;
    noOfCampaignEntries: number;
    date?: string;
  }[];
const entriesOf = async (loggedEntryNo: number) =>
  (await api.call("GET", `/api/logged-segments/${loggedEntryNo}/entries?top=500`)).json.items as {
    contactNo: string;
    date: string;
  }[];

describe("the segment's date", () => {
  it("dates every entry and the logged segment, so a mailing can be back-dated", async () => {
    const segment = await make("BD1", ["KT11", "KT12"], { date: "2026-01-15" });
    const res = await log("BD1", segment.etag);
    expect(res.status).toBe(200);
    expect(res.json.loggedSegment.date).toBe("2026-01-15");
    const entries = await entriesOf(res.json.loggedSegment.entryNo as number);
    expect(entries.map((e) => e.date)).toEqual(["2026-01-15", "2026-01-15"]);
  });
});

describe("campaign responses", () => {
  it("logs an e-mail line without an address when nothing is sent", async () => {
    // EMAIL has no attachment and Bo (KT12) has no address: a response is recorded, not sent.
    const segment = await make("CR1", ["KT11", "KT12"], {
      interactionTemplateCode: "EMAIL",
      campaignResponse: true,
    });
    const check = await api.call("POST", "/api/segments/CR1/log-check");
    expect(check.json.problems).toEqual([]);
    const res = await log("CR1", segment.etag);
    expect(res.status).toBe(200);
    expect(res.json.loggedSegment.noOfInteractions).toBe(2);
  });
});

describe("campaign entries", () => {
  it("are one per logged segment and campaign, not one per line", async () => {
    const segment = await make("CE1", ["KT11", "KT12", "KT13"]);
    const res = await log("CE1", segment.etag);
    expect(res.status).toBe(200);
    expect(res.json.loggedSegment).toMatchObject({ noOfInteractions: 3, noOfCampaignEntries: 1 });
  });
  it("are none without a campaign", async () => {
    const segment = await make("CE2", ["KT11", "KT12"], { campaignNo: undefined });
    const res = await log("CE2", segment.etag);
    expect(res.status).toBe(200);
    expect(res.json.loggedSegment.noOfCampaignEntries).toBe(0);
  });
});

describe("a Log's If-Match covers the lines", () => {
  const problemOf = (res: { status: number; headers: Headers; json: { detail?: string } }) => {
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    return res.json;
  };
  const nothingLogged = async (no: string) => {
    expect(await loggedOf(no)).toEqual([]);
    expect((await api.call("GET", `/api/segments/${no}`)).json.status).toBe("open");
  };

  it("refuses, 412, a Log with the ETag read at two lines after a third was added", async () => {
    const reviewed = await make("ET1", ["KT11", "KT12"]);
    expect(
      (await api.call("POST", "/api/segments/ET1/lines", { body: { contactNo: "KT13" } })).status,
    ).toBe(201);
    const res = await log("ET1", reviewed.etag);
    expect(res.status).toBe(412);
    expect(problemOf(res).detail).toMatch(/changed since you reviewed it.*Reload/);
    await nothingLogged("ET1");
    const fresh = (await api.call("GET", "/api/segments/ET1")).json as { etag: string };
    const ok = await log("ET1", fresh.etag);
    expect(ok.status).toBe(200);
    expect(ok.json.loggedSegment.noOfInteractions).toBe(3);
  });

  it("refuses a Log after a line was removed or changed", async () => {
    const reviewed = await make("ET2", ["KT11", "KT12", "KT13"]);
    const lines = (await api.call("GET", "/api/segments/ET2/lines")).json.items as {
      lineNo: number;
      etag: string;
    }[];
    const [first, second] = lines;
    const patched = await api.call("PATCH", `/api/segments/ET2/lines/${first?.lineNo}`, {
      body: { description: "Et andet brev" },
      ifMatch: first?.etag,
    });
    expect(patched.status).toBe(200);
    expect((await log("ET2", reviewed.etag)).status).toBe(412);
    const afterPatch = (await api.call("GET", "/api/segments/ET2")).json as { etag: string };
    expect((await api.call("DELETE", `/api/segments/ET2/lines/${second?.lineNo}`)).status).toBe(
      204,
    );
    expect((await log("ET2", afterPatch.etag)).status).toBe(412);
    await nothingLogged("ET2");
  });

  it("still lets a header be changed with the ETag read before a line was added", async () => {
    const reviewed = await make("ET3", ["KT11"]);
    await api.call("POST", "/api/segments/ET3/lines", { body: { contactNo: "KT12" } });
    const patched = await api.call("PATCH", "/api/segments/ET3", {
      body: { description: "Sommerbrev" },
      ifMatch: reviewed.etag,
    });
    expect(patched.status).toBe(200);
    expect(patched.json.etag).not.toBe(reviewed.etag);
    expect((await log("ET3", reviewed.etag)).status).toBe(412);
    expect((await log("ET3", patched.json.etag as string)).status).toBe(200);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])(
    "adding a line while logging with the old ETag never logs the unreviewed contact (round %d)",
    async (round) => {
      const no = `ET4-${round}`;
      const reviewed = await make(no, ["KT11", "KT12"]);
      // Whichever of the two gets the segment first, the retried Log must not take the added
      // line along.
      const [added, logged] = await Promise.all([
        api.call("POST", `/api/segments/${no}/lines`, { body: { contactNo: "KT13" } }),
        logRetryingBusy(no, reviewed.etag),
      ]);
      if (logged.status === 200) {
        // The Log went first: it wrote the two reviewed lines, and the add was refused.
        expect(added.status).toBeGreaterThanOrEqual(400);
        const entries = await entriesOf(logged.json.loggedSegment.entryNo as number);
        expect(entries.map((e) => e.contactNo).sort()).toEqual(["KT11", "KT12"]);
      } else {
        // The add went first: the Log is refused as stale and nothing is written.
        expect(added.status).toBe(201);
        expect(logged.status).toBe(412);
        expect(problemOf(logged).detail).toMatch(/changed since you reviewed it/);
        await nothingLogged(no);
      }
    },
  );
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])(
    "changing a line while logging never logs the unreviewed change nor changes a logged line (round %d)",
    async (round) => {
      const no = `ET5-${round}`;
      const reviewed = await make(no, ["KT11", "KT12"]);
      const [line] = (await api.call("GET", `/api/segments/${no}/lines`)).json.items as {
        lineNo: number;
        etag: string;
      }[];
      const [patched, logged] = await Promise.all([
        api.call("PATCH", `/api/segments/${no}/lines/${line?.lineNo}`, {
          body: { description: "Et andet brev" },
          ifMatch: line?.etag,
        }),
        logRetryingBusy(no, reviewed.etag),
      ]);
      if (logged.status === 200) {
        // The Log went first: the change came too late and is refused, and the entry logged
        // the line as it was reviewed.
        expect(patched.status).toBeGreaterThanOrEqual(400);
        const entries = (
          await api.call(
            "GET",
            `/api/logged-segments/${logged.json.loggedSegment.entryNo as number}/entries?top=500`,
          )
        ).json.items as { contactNo: string; description: string }[];
        expect(entries.find((e) => e.contactNo === "KT11")?.description).toBe("Forårsbrev");
      } else {
        // The change went first: the Log is refused as stale and nothing is written.
        expect(patched.status).toBe(200);
        expect(logged.status).toBe(412);
        await nothingLogged(no);
      }
    },
  );
});
