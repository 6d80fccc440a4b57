import { startApi, type ApiHarness } from "../../harness/api-harness";
import { minimalDocx, seedLoggingTenant } from "./logging-fixture";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi({}, undefined, { blobs: true });
  await seedLoggingTenant(api);
});
afterAll(() => api.close());

const lines = async (no: string) =>
  Object.fromEntries(
    (
      (await api.call("GET", `/api/segments/${no}/lines`)).json.items as { contactNo: string }[]
    ).map((l) => [l.contactNo, l]),
  ) as Record<string, Record<string, unknown>>;

const header = async (no: string) => (await api.call("GET", `/api/segments/${no}`)).json;

describe("segment interaction fields and their propagation", () => {
  it("choosing a template copies its defaults to the header, and to the lines only on confirmation", async () => {
    await api.call("POST", "/api/segments", { body: { no: "P1", description: "Brev" } });
    for (const c of ["KT11", "KT12"])
      await api.call("POST", "/api/segments/P1/lines", { body: { contactNo: c } });
    const without = await api.call("POST", "/api/segments/P1/apply-template", {
      body: { interactionTemplateCode: "LETTER" },
      ifMatch: (await header("P1")).etag,
    });
    expect(without.status).toBe(200);
    expect(without.json).toMatchObject({
      interactionTemplateCode: "LETTER",
      unitCost: 12.5,
      unitDuration: 5,
      informationFlow: "outbound",
      initiatedBy: "us",
      correspondenceType: "hardCopy",
      languageCode: "da-DK",
      campaignNo: "CP1",
    });
    expect((await lines("P1")).KT11?.interactionTemplateCode).toBeUndefined();
    const withLines = await api.call("POST", "/api/segments/P1/apply-template", {
      body: { interactionTemplateCode: "EMAIL", updateLines: true },
      ifMatch: without.json.etag,
    });
    expect(withLines.status).toBe(200);
    const l = await lines("P1");
    expect(l.KT11).toMatchObject({
      interactionTemplateCode: "EMAIL",
      unitCost: 1,
      unitDuration: 1,
    });
    expect(l.KT12).toMatchObject({ interactionTemplateCode: "EMAIL", unitCost: 1 });
  });

  it("a header change reaches the lines that still carry the old value; overrides survive", async () => {
    await api.call("POST", "/api/segments", {
      body: { no: "P2", description: "Nyhedsbrev", subject: "Nyt", unitCost: 2 },
    });
    for (const c of ["KT11", "KT12", "KT13"])
      await api.call("POST", "/api/segments/P2/lines", { body: { contactNo: c } });
    const bo = (await lines("P2")).KT12 as { lineNo: number; etag: string };
    await api.call("PATCH", `/api/segments/P2/lines/${bo.lineNo}`, {
      body: { subject: "Personligt til Bo", unitCost: 9 },
      ifMatch: bo.etag,
    });
    const h = await header("P2");
    const changed = await api.call("PATCH", "/api/segments/P2", {
      body: { subject: "Nyt fra Nord", unitCost: 3 },
      ifMatch: h.etag,
    });
    expect(changed.status).toBe(200);
    const l = await lines("P2");
    expect(l.KT11).toMatchObject({ subject: "Nyt fra Nord", unitCost: 3 });
    expect(l.KT13).toMatchObject({ subject: "Nyt fra Nord", unitCost: 3 });
    expect(l.KT12).toMatchObject({ subject: "Personligt til Bo", unitCost: 9 });
  });

  it("follows Business Central's correspondence type rule", async () => {
    await api.call("POST", "/api/segments", {
      body: { no: "P3", description: "x", correspondenceType: "hardCopy" },
    });
    for (const c of ["KT11", "KT12", "KT13"])
      await api.call("POST", "/api/segments/P3/lines", { body: { contactNo: c } });
    // No ignore flag, no template: the contact's own type; Cai has none, so the header default.
    let l = await lines("P3");
    expect([
      l.KT11?.correspondenceType,
      l.KT12?.correspondenceType,
      l.KT13?.correspondenceType,
    ]).toEqual(["email", "hardCopy", "hardCopy"]);
    // The header ignores the contacts' types and has a default: every line takes the default.
    const h = await header("P3");
    await api.call("PATCH", "/api/segments/P3", {
      body: { ignoreContactCorrespondenceType: true },
      ifMatch: h.etag,
    });
    l = await lines("P3");
    expect([
      l.KT11?.correspondenceType,
      l.KT12?.correspondenceType,
      l.KT13?.correspondenceType,
    ]).toEqual(["hardCopy", "hardCopy", "hardCopy"]);
    // A template that ignores the contact's type: its default wins when the header does not decide.
    await api.call("POST", "/api/segments", { body: { no: "P4", description: "x" } });
    const h4 = await header("P4");
    await api.call("POST", "/api/segments/P4/apply-template", {
      body: { interactionTemplateCode: "EMAIL" },
      ifMatch: h4.etag,
    });
    const h4b = await header("P4");
    await api.call("PATCH", "/api/segments/P4", {
      body: { ignoreContactCorrespondenceType: false },
      ifMatch: h4b.etag,
    });
    await api.call("POST", "/api/segments/P4/lines", { body: { contactNo: "KT12" } });
    expect((await lines("P4")).KT12?.correspondenceType).toBe("email");
  });

  it("gives a line the contact's language only where the template has a letter in it", async () => {
    const tpl = await api.call("PUT", "/api/interaction-templates/LETTER/attachments/en-GB", {
      rawBody: {
        contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        bytes: minimalDocx("Dear «Name»"),
      },
      headers: { "x-file-name": encodeURIComponent("Letter (English).docx") },
    });
    expect(tpl.status).toBe(200);
    expect(tpl.json.attachments).toEqual([
      expect.objectContaining({ languageCode: "en-GB", fileName: "Letter (English).docx" }),
    ]);
    await api.call("POST", "/api/segments", { body: { no: "P5", description: "x" } });
    const h = await header("P5");
    await api.call("POST", "/api/segments/P5/apply-template", {
      body: { interactionTemplateCode: "LETTER" },
      ifMatch: h.etag,
    });
    for (const c of ["KT11", "KT13"])
      await api.call("POST", "/api/segments/P5/lines", { body: { contactNo: c } });
    const l = await lines("P5");
    expect(l.KT11?.languageCode).toBe("en-GB");
    expect(l.KT13?.languageCode).toBe("da-DK");
    const file = await api.call("GET", "/api/interaction-templates/LETTER/attachments/en-GB");
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toContain("Letter%20(English).docx");
    expect(file.bytes?.byteLength).toBe(minimalDocx("Dear «Name»").byteLength);
  });

  it("refuses an attachment that is not a Word document", async () => {
    const res = await api.call("PUT", "/api/interaction-templates/LETTER/attachments/da-DK", {
      rawBody: {
        contentType: "application/octet-stream",
        bytes: new TextEncoder().encode("%PDF-1.7 not a docx"),
      },
    });
    expect(res.status).toBe(422);
    expect(res.json.errors[0]).toMatchObject({ rule: "not_a_zip" });
    expect(
      (await api.call("GET", "/api/interaction-templates/LETTER")).json.attachments,
    ).toHaveLength(1);
  });
});
