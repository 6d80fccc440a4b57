import { Segment, SegmentLine } from "@shared/model/segment";
import { startApi, type ApiHarness } from "../../harness/api-harness";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
  await api.call("POST", "/api/salespeople", { body: { code: "JO", name: "Jonas Olsen" } });
  await api.call("POST", "/api/campaigns", { body: { no: "CP1001", description: "Forår 2026" } });
  await api.call("POST", "/api/interaction-templates", {
    body: { code: "LETTER", description: "Brev", unitCost: 12.5 },
  });
  await api.call("POST", "/api/contacts", {
    body: {
      no: "KT000001",
      type: "company",
      name: "Havn & Co ApS",
      correspondenceType: "hardCopy",
    },
  });
  await api.call("POST", "/api/contacts", {
    body: {
      no: "KT000002",
      type: "person",
      name: "Mette Frederiksen",
      companyNo: "KT000001",
      languageCode: "da-DK",
      correspondenceType: "email",
      email: "mette@havn.dk",
    },
  });
  await api.call("POST", "/api/contacts", {
    body: { no: "KT000003", type: "person", name: "John Smith", languageCode: "en-GB" },
  });
});
afterAll(() => api.close());

describe("segments and lines", () => {
  it("creates a numbered segment with today's date and zero counts", async () => {
    const res = await api.call("POST", "/api/segments", {
      body: { description: "Kunder i Aarhus" },
    });
    expect(res.status).toBe(201);
    const segment = Segment.parse(res.json);
    expect(segment.no).toMatch(/^SEG\d{5}$/);
    expect(segment.date).toBe(new Date().toISOString().slice(0, 10));
    expect(segment).toMatchObject({ status: "open", noOfLines: 0, noOfCriteriaActions: 0 });
  });

  it("adds lines that inherit the header and the contact, numbered in the order added", async () => {
    await api.call("POST", "/api/segments", {
      body: {
        no: "SEG-LINES",
        description: "Forårsbrev",
        subject: "Nyt fra os",
        salespersonCode: "JO",
        campaignNo: "CP1001",
        interactionTemplateCode: "LETTER",
        unitCost: 12.5,
        unitDuration: 5,
        informationFlow: "outbound",
        initiatedBy: "us",
        correspondenceType: "hardCopy",
        languageCode: "da-DK",
      },
    });
    const first = await api.call("POST", "/api/segments/SEG-LINES/lines", {
      body: { contactNo: "KT000002", note: "Tak for sidst!" },
    });
    expect(first.status).toBe(201);
    const line = SegmentLine.parse(first.json);
    expect(line).toMatchObject({
      lineNo: 10000,
      contactNo: "KT000002",
      contactName: "Mette Frederiksen",
      contactCompanyNo: "KT000001",
      contactCompanyName: "Havn & Co ApS",
      description: "Forårsbrev",
      subject: "Nyt fra os",
      salespersonCode: "JO",
      campaignNo: "CP1001",
      interactionTemplateCode: "LETTER",
      unitCost: 12.5,
      unitDuration: 5,
      correspondenceType: "email",
      languageCode: "da-DK",
      note: "Tak for sidst!",
      attachment: { kind: "inherited" },
    });
    const second = await api.call("POST", "/api/segments/SEG-LINES/lines", {
      body: { contactNo: "KT000003", subject: "News from us" },
    });
    // The template has no English letter, so the line keeps the header's language (BC's rule).
    expect(second.json).toMatchObject({
      lineNo: 20000,
      subject: "News from us",
      languageCode: "da-DK",
      correspondenceType: "hardCopy",
    });

    const list = await api.call("GET", "/api/segments/SEG-LINES/lines");
    // John Smith has no company, so he comes before Mette of Havn & Co ApS (BC's line order).
    expect(list.json.items.map((l: SegmentLine) => l.lineNo)).toEqual([20000, 10000]);
    expect(
      (await api.call("GET", "/api/segments/SEG-LINES/lines?search=smith")).json.items,
    ).toHaveLength(1);
    expect((await api.call("GET", "/api/segments/SEG-LINES")).json.noOfLines).toBe(2);
    expect((await api.call("GET", "/api/segments?search=forår")).json.items[0]).toMatchObject({
      no: "SEG-LINES",
      noOfLines: 2,
    });
  });

  it("edits a line's personal note and evaluation, and removes a line", async () => {
    const line = await api.call("GET", "/api/segments/SEG-LINES/lines/10000");
    const edited = await api.call("PATCH", "/api/segments/SEG-LINES/lines/10000", {
      body: { note: "Vi ses i maj", evaluation: "positive", description: null },
      ifMatch: line.json.etag,
    });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({
      note: "Vi ses i maj",
      evaluation: "positive",
      contactName: "Mette Frederiksen",
      lineNo: 10000,
    });
    expect(edited.json.description).toBeUndefined();
    expect((await api.call("DELETE", "/api/segments/SEG-LINES/lines/20000")).status).toBe(204);
    expect((await api.call("GET", "/api/segments/SEG-LINES/lines/20000")).status).toBe(404);
    expect((await api.call("GET", "/api/segments/SEG-LINES")).json.noOfLines).toBe(1);
  });

  it("refuses a contact twice and one that does not exist", async () => {
    const twice = await api.call("POST", "/api/segments/SEG-LINES/lines", {
      body: { contactNo: "KT000002" },
    });
    expect(twice.status).toBe(409);
    expect(twice.json.errors[0]).toMatchObject({ field: "contactNo", rule: "unique" });
    const missing = await api.call("POST", "/api/segments/SEG-LINES/lines", {
      body: { contactNo: "KT999999" },
    });
    expect(missing.status).toBe(422);
    expect(missing.json.errors[0]).toMatchObject({ field: "contactNo", rule: "exists" });
  });

  it("adds a contact already on the segment again only when asked, as Add Contacts does", async () => {
    const before = (await api.call("GET", "/api/segments/SEG-LINES")).json.noOfLines;
    const refused = await api.call("POST", "/api/segments/SEG-LINES/lines", {
      body: { contactNo: "KT000002", allowExistingContacts: false },
    });
    expect(refused.status).toBe(409);
    expect(refused.json.errors[0]).toMatchObject({
      field: "contactNo",
      rule: "unique",
      message: expect.stringContaining("allowExistingContacts"),
    });
    const again = await api.call("POST", "/api/segments/SEG-LINES/lines", {
      body: { contactNo: "KT000002", allowExistingContacts: true },
    });
    expect(again.status).toBe(201);
    expect(again.json).toMatchObject({ contactNo: "KT000002" });
    expect(again.json.allowExistingContacts).toBeUndefined();
    expect((await api.call("GET", "/api/segments/SEG-LINES")).json.noOfLines).toBe(before + 1);
    const listed = await api.call("GET", "/api/segments/SEG-LINES/lines?contactNo=KT000002");
    expect(listed.json.items).toHaveLength(2);
    const wrongType = await api.call("POST", "/api/segments/SEG-LINES/lines", {
      body: { contactNo: "KT000002", allowExistingContacts: "yes" },
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.json.errors[0]).toMatchObject({ field: "allowExistingContacts" });
    expect((await api.call("GET", "/api/segments/SEG-LINES")).json.noOfLines).toBe(before + 1);
    const removed = await api.call("DELETE", `/api/segments/SEG-LINES/lines/${again.json.lineNo}`);
    expect(removed.status).toBe(204);
  });

  it("lists lines as BC does: by company name, then the company before its persons, then name", async () => {
    await api.call("POST", "/api/contacts", {
      body: { no: "KT000010", type: "company", name: "Bager Bo A/S" },
    });
    await api.call("POST", "/api/contacts", {
      body: { no: "KT000011", type: "person", name: "Anders And", companyNo: "KT000010" },
    });
    await api.call("POST", "/api/contacts", {
      body: { no: "KT000012", type: "person", name: "Zenia Ahl", companyNo: "KT000010" },
    });
    await api.call("POST", "/api/contacts", {
      body: { no: "KT000013", type: "person", name: "bent berg" },
    });
    expect((await api.call("POST", "/api/segments", { body: { no: "SEG-ORDER" } })).status).toBe(
      201,
    );
    for (const contactNo of ["KT000012", "KT000002", "KT000010", "KT000013", "KT000011"]) {
      const added = await api.call("POST", "/api/segments/SEG-ORDER/lines", {
        body: { contactNo },
      });
      expect(added.status).toBe(201);
    }
    const names = async (query = "") =>
      (await api.call("GET", `/api/segments/SEG-ORDER/lines${query}`)).json.items.map(
        (l: SegmentLine) => l.contactName,
      );
    const expected = [
      "bent berg", // no company: a blank company name comes first
      "Bager Bo A/S", // the company itself, before its persons
      "Anders And",
      "Zenia Ahl",
      "Mette Frederiksen", // Havn & Co ApS
    ];
    expect(await names()).toEqual(expected);
    // Paging keeps the order across pages.
    const first = await api.call("GET", "/api/segments/SEG-ORDER/lines?top=2");
    const rest = await api.call(
      "GET",
      `/api/segments/SEG-ORDER/lines?top=10&continuationToken=${encodeURIComponent(first.json.continuationToken)}`,
    );
    expect(
      [...first.json.items, ...rest.json.items].map((l: SegmentLine) => l.contactName),
    ).toEqual(expected);
    // An edited line stays where it was.
    const anders = (await api.call("GET", "/api/segments/SEG-ORDER/lines?contactNo=KT000011")).json
      .items[0];
    const edited = await api.call("PATCH", `/api/segments/SEG-ORDER/lines/${anders.lineNo}`, {
      body: { note: "Hej" },
      ifMatch: anders.etag,
    });
    expect(edited.status).toBe(200);
    expect(await names()).toEqual(expected);
    expect((await api.call("DELETE", "/api/segments/SEG-ORDER")).status).toBe(204);
  });

  it("validates header references and the merged header on update", async () => {
    const bad = await api.call("POST", "/api/segments", {
      body: { no: "SEG-BAD", campaignNo: "NOPE", interactionTemplateCode: "NOPE" },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      "campaignNo",
      "interactionTemplateCode",
    ]);
    const seg = await api.call("GET", "/api/segments/SEG-LINES");
    const res = await api.call("PATCH", "/api/segments/SEG-LINES", {
      body: { unitCost: -1 },
      ifMatch: seg.json.etag,
    });
    expect(res.status).toBe(400);
    expect(res.json.errors[0]).toMatchObject({ field: "unitCost", rule: "too_small" });
    const ok = await api.call("PATCH", "/api/segments/SEG-LINES", {
      body: { description: "Forårsbrev 2026", dynamic: true },
      ifMatch: seg.json.etag,
    });
    expect(ok.json).toMatchObject({
      description: "Forårsbrev 2026",
      dynamic: true,
      noOfLines: 1,
      status: "open",
    });
  });

  it("deletes a segment with its lines; the No. can be used again from scratch", async () => {
    expect((await api.call("DELETE", "/api/segments/SEG-LINES")).status).toBe(204);
    expect((await api.call("GET", "/api/segments/SEG-LINES")).status).toBe(404);
    expect((await api.call("GET", "/api/segments/SEG-LINES/lines")).status).toBe(404);
    await api.call("POST", "/api/segments", { body: { no: "SEG-LINES" } });
    const again = await api.call("GET", "/api/segments/SEG-LINES");
    expect(again.json.noOfLines).toBe(0);
    const line = await api.call("POST", "/api/segments/SEG-LINES/lines", {
      body: { contactNo: "KT000003" },
    });
    expect(line.json.lineNo).toBe(10000);
  });
});
