import { startApi, type ApiHarness } from "../../harness/api-harness";
import { seedLoggingTenant } from "../interactions/logging-fixture";

/**
 * A segment line's own interaction template, campaign and language, as Business Central's Segment
 * Line has them: choosing a line's template sets what the template gives that line (OnValidate),
 * a header change passes the lines that carry their own template by, and Log writes each line's.
 */
let api: ApiHarness;
beforeAll(async () => {
  api = await startApi({}, undefined, { blobs: true });
  await seedLoggingTenant(api);
  await api.call("POST", "/api/campaigns", { body: { no: "CP2", description: "Efterår" } });
  await api.call("POST", "/api/interaction-templates", {
    body: {
      code: "CALL",
      description: "Opkald",
      unitCost: 7,
      unitDuration: 15,
      informationFlow: "inbound",
      initiatedBy: "them",
      correspondenceType: "email",
      campaignNo: "CP2",
      campaignResponse: true,
    },
  });
});
afterAll(() => api.close());

type Line = Record<string, unknown> & { lineNo: number; etag: string; contactNo: string };

const lines = async (no: string) =>
  Object.fromEntries(
    ((await api.call("GET", `/api/segments/${no}/lines`)).json.items as Line[]).map((l) => [
      l.contactNo,
      l,
    ]),
  ) as Record<string, Line>;

const header = async (no: string) => (await api.call("GET", `/api/segments/${no}`)).json;

/** A segment with the LETTER template applied (cost 12.5, da-DK, campaign CP1). */
const segmentWithLetter = async (no: string) => {
  await api.call("POST", "/api/segments", {
    body: { no, description: "Brev", salespersonCode: "JO" },
  });
  const res = await api.call("POST", `/api/segments/${no}/apply-template`, {
    body: { interactionTemplateCode: "LETTER" },
    ifMatch: (await header(no)).etag,
  });
  expect(res.status).toBe(200);
};

describe("a segment line's own interaction template", () => {
  it("a line added with its own template takes what the template gives it; the others the header's", async () => {
    await segmentWithLetter("LT1");
    const own = await api.call("POST", "/api/segments/LT1/lines", {
      body: { contactNo: "KT12", interactionTemplateCode: "EMAIL" },
    });
    expect(own.status).toBe(201);
    expect(own.json).toMatchObject({
      interactionTemplateCode: "EMAIL",
      unitCost: 1,
      unitDuration: 1,
      // EMAIL ignores the contact's type: its own default wins over Bo's hard copy.
      correspondenceType: "email",
      // The header's campaign wins over the template's, as BC's OnValidate does.
      campaignNo: "CP1",
      campaignTarget: false,
      campaignResponse: false,
    });
    expect(own.json.informationFlow).toBeUndefined();
    const inherited = await api.call("POST", "/api/segments/LT1/lines", {
      body: { contactNo: "KT11" },
    });
    expect(inherited.json).toMatchObject({
      interactionTemplateCode: "LETTER",
      unitCost: 12.5,
      informationFlow: "outbound",
    });
  });

  it("a template without a campaign on the header brings its own campaign; a line's campaign can be set", async () => {
    await api.call("POST", "/api/segments", { body: { no: "LT2", description: "Opkald" } });
    const own = await api.call("POST", "/api/segments/LT2/lines", {
      body: { contactNo: "KT11", interactionTemplateCode: "CALL" },
    });
    expect(own.json).toMatchObject({
      interactionTemplateCode: "CALL",
      campaignNo: "CP2",
      campaignResponse: true,
      informationFlow: "inbound",
      initiatedBy: "them",
      unitCost: 7,
      unitDuration: 15,
    });
    const patched = await api.call("PATCH", `/api/segments/LT2/lines/${own.json.lineNo}`, {
      body: { campaignNo: "cp1", campaignTarget: true },
      ifMatch: own.json.etag,
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ campaignNo: "CP1", campaignTarget: true });
  });

  it("PATCH of a line's template sets its template fields; what the body names itself wins", async () => {
    await segmentWithLetter("LT3");
    const line = (
      await api.call("POST", "/api/segments/LT3/lines", { body: { contactNo: "KT11" } })
    ).json as Line;
    const res = await api.call("PATCH", `/api/segments/LT3/lines/${line.lineNo}`, {
      body: { interactionTemplateCode: "CALL", unitCost: 99 },
      ifMatch: line.etag,
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      interactionTemplateCode: "CALL",
      unitCost: 99,
      unitDuration: 15,
      informationFlow: "inbound",
      initiatedBy: "them",
      campaignResponse: true,
      // The header has a campaign (CP1 from LETTER): it stays.
      campaignNo: "CP1",
    });
    // Clearing the line's template makes it follow the header again.
    const back = await api.call("PATCH", `/api/segments/LT3/lines/${line.lineNo}`, {
      body: { interactionTemplateCode: null },
      ifMatch: res.json.etag,
    });
    expect(back.status).toBe(200);
    expect(back.json).toMatchObject({
      interactionTemplateCode: "LETTER",
      unitCost: 12.5,
      unitDuration: 5,
      informationFlow: "outbound",
      campaignResponse: false,
    });
  });

  it("a header change passes a line with its own template by; lines still carrying the header's follow", async () => {
    await segmentWithLetter("LT4");
    await api.call("POST", "/api/segments/LT4/lines", {
      body: { contactNo: "KT11", interactionTemplateCode: "CALL" },
    });
    await api.call("POST", "/api/segments/LT4/lines", { body: { contactNo: "KT12" } });
    // CALL's duration (15) is not LETTER's (5); make the own line's cost equal the header's so
    // that only the own template tells the lines apart.
    const before = await lines("LT4");
    await api.call("PATCH", `/api/segments/LT4/lines/${before.KT11?.lineNo}`, {
      body: { unitCost: 12.5 },
      ifMatch: before.KT11?.etag,
    });
    const res = await api.call("PATCH", "/api/segments/LT4", {
      body: { unitCost: 20, informationFlow: "inbound", interactionTemplateCode: "EMAIL" },
      ifMatch: (await header("LT4")).etag,
    });
    expect(res.status).toBe(200);
    const after = await lines("LT4");
    expect(after.KT12).toMatchObject({
      interactionTemplateCode: "EMAIL",
      unitCost: 20,
      informationFlow: "inbound",
    });
    expect(after.KT11).toMatchObject({
      interactionTemplateCode: "CALL",
      unitCost: 12.5,
      informationFlow: "inbound",
      unitDuration: 15,
    });
  });

  it("Log writes each line's own template, cost, campaign and language", async () => {
    await segmentWithLetter("LT5");
    await api.call("POST", "/api/segments/LT5/lines", {
      body: { contactNo: "KT11", interactionTemplateCode: "CALL", languageCode: "en-GB" },
    });
    await api.call("POST", "/api/segments/LT5/lines", { body: { contactNo: "KT12" } });
    const res = await api.call("POST", "/api/segments/LT5/log", {
      body: {},
      ifMatch: (await header("LT5")).etag,
    });
    expect(res.status).toBe(200);
    const entries = (
      await api.call("GET", `/api/logged-segments/${res.json.loggedSegment.entryNo}/entries`)
    ).json.items as Record<string, unknown>[];
    const byContact = Object.fromEntries(entries.map((e) => [e.contactNo, e]));
    expect(byContact.KT11).toMatchObject({
      interactionTemplateCode: "CALL",
      cost: 7,
      duration: 15,
      informationFlow: "inbound",
      languageCode: "en-GB",
      campaignNo: "CP1",
      campaignResponse: true,
    });
    expect(byContact.KT12).toMatchObject({
      interactionTemplateCode: "LETTER",
      interactionGroupCode: "POST",
      cost: 12.5,
      languageCode: "da-DK",
    });
  });

  describe("bad input", () => {
    let line: Line;
    beforeAll(async () => {
      await segmentWithLetter("LTBAD");
      line = (await api.call("POST", "/api/segments/LTBAD/lines", { body: { contactNo: "KT11" } }))
        .json as Line;
    });

    it("an unknown template on a new line is 422 naming the field, with the nearest code; nothing written", async () => {
      const res = await api.call("POST", "/api/segments/LTBAD/lines", {
        body: { contactNo: "KT12", interactionTemplateCode: "EMAILX" },
      });
      expect(res.status).toBe(422);
      expect(res.json.errors).toEqual([
        expect.objectContaining({
          field: "interactionTemplateCode",
          rule: "exists",
          message: expect.stringContaining('did you mean "EMAIL"'),
        }),
      ]);
      expect((await lines("LTBAD")).KT12).toBeUndefined();
    });

    it("an unknown campaign on a line is 422 naming the field; the line is unchanged", async () => {
      const res = await api.call("PATCH", `/api/segments/LTBAD/lines/${line.lineNo}`, {
        body: { campaignNo: "CP3" },
        ifMatch: line.etag,
      });
      expect(res.status).toBe(422);
      expect(res.json.errors).toEqual([
        expect.objectContaining({ field: "campaignNo", rule: "exists" }),
      ]);
      expect(res.json.errors[0].message).toMatch(
        /did you mean "CP1" or "CP2"|did you mean "CP2" or "CP1"/,
      );
      expect((await lines("LTBAD")).KT11).toMatchObject({ campaignNo: "CP1", etag: line.etag });
    });

    it("an unknown template on PATCH is 422; a bad language tag is 400; a stale If-Match is 412", async () => {
      const unknown = await api.call("PATCH", `/api/segments/LTBAD/lines/${line.lineNo}`, {
        body: { interactionTemplateCode: "NOPE" },
        ifMatch: line.etag,
      });
      expect(unknown.status).toBe(422);
      expect(unknown.json.errors[0]).toMatchObject({ field: "interactionTemplateCode" });
      const tag = await api.call("PATCH", `/api/segments/LTBAD/lines/${line.lineNo}`, {
        body: { languageCode: "dansk!" },
        ifMatch: line.etag,
      });
      expect(tag.status).toBe(400);
      expect(tag.json.errors[0]).toMatchObject({ field: "languageCode" });
      const flow = await api.call("PATCH", `/api/segments/LTBAD/lines/${line.lineNo}`, {
        body: { informationFlow: "sideways" },
        ifMatch: line.etag,
      });
      expect(flow.status).toBe(400);
      const ok = await api.call("PATCH", `/api/segments/LTBAD/lines/${line.lineNo}`, {
        body: { interactionTemplateCode: "CALL" },
        ifMatch: line.etag,
      });
      expect(ok.status).toBe(200);
      const stale = await api.call("PATCH", `/api/segments/LTBAD/lines/${line.lineNo}`, {
        body: { interactionTemplateCode: "EMAIL" },
        ifMatch: line.etag,
      });
      expect(stale.status).toBe(412);
      expect((await lines("LTBAD")).KT11?.interactionTemplateCode).toBe("CALL");
    });
  });
});
