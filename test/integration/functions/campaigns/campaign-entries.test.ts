import { startApi, type ApiHarness } from "../../harness/api-harness";
import { seedLoggingTenant } from "../interactions/logging-fixture";

/**
 * Business Central's Campaign Entries: one per logged segment and campaign, with the segment's
 * date and description, the salesperson, the user, the entries' cost and duration added up, and
 * how many were targets and responses; canceled with the logged segment.
 */
let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
  await seedLoggingTenant(api);
  await api.call("POST", "/api/campaigns", { body: { no: "CP2", description: "Efterår" } });
});
afterAll(() => api.close());

interface Entry {
  entryNo: number;
  campaignNo: string;
  description: string;
  date: string;
  segmentNo: string;
  loggedSegmentEntryNo: number;
  salespersonCode?: string;
  userId: string;
  noOfInteractions: number;
  cost: number;
  duration: number;
  noOfTargets: number;
  noOfResponses: number;
  canceled: boolean;
}

const logSegment = async (no: string, contacts: string[], header: object) => {
  const created = await api.call("POST", "/api/segments", {
    body: {
      no,
      description: `Brev ${no}`,
      interactionTemplateCode: "LETTER",
      salespersonCode: "JO",
      unitCost: 12.5,
      unitDuration: 5,
      ...header,
    },
  });
  if (created.status !== 201) throw new Error(`${created.status} ${created.text}`);
  for (const contactNo of contacts)
    await api.call("POST", `/api/segments/${no}/lines`, { body: { contactNo } });
  const segment = (await api.call("GET", `/api/segments/${no}`)).json as { etag: string };
  const res = await api.call("POST", `/api/segments/${no}/log`, {
    body: {},
    ifMatch: segment.etag,
  });
  if (res.status !== 200) throw new Error(`${res.status} ${res.text}`);
  return res.json.loggedSegment as { entryNo: number; noOfCampaignEntries: number };
};
const entriesOf = async (campaignNo: string, query = "") =>
  (await api.call("GET", `/api/campaigns/${campaignNo}/entries${query}`)).json.items as Entry[];
const statisticsOf = async (campaignNo: string) =>
  (await api.call("GET", `/api/campaigns/${campaignNo}/statistics`)).json;

let targetLogged: { entryNo: number; noOfCampaignEntries: number };

describe("GET /campaigns/{no}/entries", () => {
  it("lists one entry for a logged segment of three lines, as Business Central's Log makes it", async () => {
    targetLogged = await logSegment("CT1", ["KT11", "KT12", "KT13"], {
      campaignNo: "CP2",
      campaignTarget: true,
      date: "2026-03-02",
    });
    expect(targetLogged.noOfCampaignEntries).toBe(1);
    const entries = await entriesOf("CP2");
    expect(entries).toEqual([
      expect.objectContaining({
        campaignNo: "CP2",
        description: "Brev CT1",
        date: "2026-03-02",
        segmentNo: "CT1",
        loggedSegmentEntryNo: targetLogged.entryNo,
        salespersonCode: "JO",
        userId: expect.any(String),
        noOfInteractions: 3,
        cost: 37.5,
        duration: 15,
        noOfTargets: 3,
        noOfResponses: 0,
        canceled: false,
      }),
    ]);
    // Every interaction names its campaign entry (Business Central's Campaign Entry No.).
    const interactions = (
      await api.call("GET", `/api/logged-segments/${targetLogged.entryNo}/entries`)
    ).json.items as { campaignEntryNo?: number }[];
    expect(interactions.map((e) => e.campaignEntryNo)).toEqual(Array(3).fill(entries[0]?.entryNo));
  });

  it("adds one entry for a second segment of responses, and statistics count both", async () => {
    await logSegment("CT2", ["KT11"], { campaignNo: "CP2", campaignResponse: true });
    const entries = await entriesOf("CP2");
    expect(entries.map((e) => [e.segmentNo, e.noOfTargets, e.noOfResponses])).toEqual([
      ["CT1", 3, 0],
      ["CT2", 0, 1],
    ]);
    expect(entries[1]?.entryNo).toBe((entries[0]?.entryNo ?? 0) + 1);
    expect(await statisticsOf("CP2")).toEqual({
      campaignNo: "CP2",
      noOfEntries: 2,
      noOfInteractions: 4,
      targetContactsContacted: 3,
      contactsResponded: 1,
      responseRate: 33.3,
      cost: 50,
      duration: 20,
      avgCostPerResponse: 50,
      avgDurationPerResponse: 20,
    });
  });

  it("makes none for a segment without a campaign, and none for another campaign", async () => {
    const logged = await logSegment("CT3", ["KT12"], {});
    expect(logged.noOfCampaignEntries).toBe(0);
    expect((await entriesOf("CP2")).map((e) => e.segmentNo)).toEqual(["CT1", "CT2"]);
    expect(await entriesOf("CP1")).toEqual([]);
  });

  it("pages like every list", async () => {
    const first = await api.call("GET", "/api/campaigns/CP2/entries?top=1");
    expect(first.json.items.map((e: Entry) => e.segmentNo)).toEqual(["CT1"]);
    expect(first.json.continuationToken).toEqual(expect.any(String));
    const next = await api.call(
      "GET",
      `/api/campaigns/CP2/entries?top=1&continuationToken=${encodeURIComponent(first.json.continuationToken)}`,
    );
    expect(next.json.items.map((e: Entry) => e.segmentNo)).toEqual(["CT2"]);
  });

  it("cancels the campaign entry with its logged segment, out of statistics, and back", async () => {
    expect(
      (await api.call("POST", `/api/logged-segments/${targetLogged.entryNo}/cancel`)).status,
    ).toBe(200);
    expect((await entriesOf("CP2")).map((e) => [e.segmentNo, e.canceled])).toEqual([
      ["CT1", true],
      ["CT2", false],
    ]);
    expect((await entriesOf("CP2", "?canceled=true")).map((e) => e.segmentNo)).toEqual(["CT1"]);
    expect(await statisticsOf("CP2")).toMatchObject({
      noOfEntries: 1,
      targetContactsContacted: 0,
      contactsResponded: 1,
      responseRate: 0,
      cost: 12.5,
    });
    await api.call("POST", `/api/logged-segments/${targetLogged.entryNo}/undo-cancel`);
    expect((await entriesOf("CP2")).map((e) => e.canceled)).toEqual([false, false]);
  });

  it("deletes the campaign entry with its canceled logged segment", async () => {
    await api.call("POST", `/api/logged-segments/${targetLogged.entryNo}/cancel`);
    expect((await api.call("DELETE", `/api/logged-segments/${targetLogged.entryNo}`)).status).toBe(
      204,
    );
    expect((await entriesOf("CP2")).map((e) => e.segmentNo)).toEqual(["CT2"]);
  });
});

describe("campaign entries with bad input", () => {
  const problem = async (path: string, status: number, field?: string) => {
    const res = await api.call("GET", path);
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    if (field)
      expect(res.json.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    return res.json;
  };

  it("answers 404 for a campaign that does not exist, rather than an empty list", async () => {
    expect((await problem("/api/campaigns/NOPE/entries", 404)).detail).toMatch(/NOPE/);
    expect((await problem("/api/campaigns/NOPE/statistics", 404)).detail).toMatch(/NOPE/);
  });

  it("refuses a campaign No. that is no code, a bad page size, flag or token", async () => {
    await problem("/api/campaigns/A!B/entries", 400, "no");
    await problem("/api/campaigns/A!B/statistics", 400, "no");
    await problem("/api/campaigns/CP2/entries?top=0", 400, "top");
    await problem("/api/campaigns/CP2/entries?top=501", 400, "top");
    await problem("/api/campaigns/CP2/entries?canceled=maybe", 400, "canceled");
    await problem("/api/campaigns/CP2/entries?continuationToken=garbage", 400);
  });

  it("upper-cases a campaign No. typed in lower case", async () => {
    expect((await entriesOf("cp2")).map((e) => e.segmentNo)).toEqual(["CT2"]);
  });
});
