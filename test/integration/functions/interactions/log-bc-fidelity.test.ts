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
