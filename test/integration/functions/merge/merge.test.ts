import { strFromU8, unzipSync } from "fflate";
import { startApi, type ApiHarness } from "../../harness/api-harness";
import { buildDocx, control, mergeField, p, t } from "../../../unit/shared/merge/docx-builder";
import { letters, part } from "../../../unit/shared/merge/docx-text";
import { wordTemplate } from "../../../unit/shared/merge/fixture-files";
import { inspectDocx } from "../../../unit/shared/merge/ooxml-assertions";

let api: ApiHarness;
const letter = buildDocx({
  body:
    p(t("Kære "), control("Name"), t(",")) +
    p(control("Company Name")) +
    p(mergeField('"Post Code"'), t(" "), mergeField("City", "\\* Upper")) +
    p(control("Personal Note")) +
    p(t("Med venlig hilsen "), control("Salesperson Name")),
});
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

beforeAll(async () => {
  api = await startApi({}, undefined, { blobs: true });
  const ok = async (path: string, body: object) => {
    const res = await api.call("POST", path, { body });
    if (res.status >= 300) throw new Error(`${path}: ${res.text}`);
    return res.json;
  };
  await ok("/api/salespeople", { code: "JO", name: "Jonas Olsen" });
  await ok("/api/interaction-templates", { code: "LETTER", description: "Brev" });
  await ok("/api/contacts", {
    no: "KT1",
    type: "company",
    name: "Nord A/S",
    city: "Aarhus C",
    postCode: "8000",
  });
  await ok("/api/contacts", {
    no: "KT11",
    type: "person",
    name: "Anna Holm",
    companyNo: "KT1",
    city: "Aarhus C",
    postCode: "8000",
    email: "anna@nord.dk",
  });
  await ok("/api/contacts", {
    no: "KT12",
    type: "person",
    name: "Bo Berg",
    companyNo: "KT1",
    postCode: "8000",
  });
  await ok("/api/contacts", {
    no: "KT13",
    type: "person",
    name: "Cai Ek",
    city: "Malmö",
    postCode: "211 20",
  });
  await ok("/api/segments", {
    no: "M1",
    description: "Brev",
    salespersonCode: "JO",
    interactionTemplateCode: "LETTER",
  });
  for (const c of ["KT11", "KT12", "KT13"]) await ok("/api/segments/M1/lines", { contactNo: c });
  const anna = (await api.call("GET", "/api/segments/M1/lines?contactNo=KT11")).json.items[0];
  await api.call("PATCH", `/api/segments/M1/lines/${anna.lineNo}`, {
    body: { note: "Tak for sidst!", correspondenceType: "email" },
    ifMatch: anna.etag,
  });
  const bo = (await api.call("GET", "/api/segments/M1/lines?contactNo=KT12")).json.items[0];
  await api.call("PATCH", `/api/segments/M1/lines/${bo.lineNo}`, {
    body: { correspondenceType: "email" },
    ifMatch: bo.etag,
  });
});
afterAll(() => api.close());

describe("merge on the server", () => {
  it("lists the fields a letter can use, grouped and in two languages", async () => {
    const res = await api.call("GET", "/api/merge/fields");
    const byName = Object.fromEntries(res.json.items.map((f: { name: string }) => [f.name, f]));
    expect(byName["Name"]).toMatchObject({ group: "contact", label: { "da-DK": "Navn" } });
    expect(byName["Salesperson Name"]).toMatchObject({ group: "salesperson" });
    expect(new Set(res.json.items.map((f: { group: string }) => f.group))).toEqual(
      new Set(["contact", "company", "line", "template", "salesperson", "date"]),
    );
  });

  it("serves each line's merge values, a page at a time or one line", async () => {
    const page = await api.call("GET", "/api/segments/M1/merge-data?top=2");
    expect(page.json.items).toHaveLength(2);
    expect(page.json.continuationToken).toBeTruthy();
    const anna = page.json.items[0];
    expect(anna.values).toMatchObject({
      Name: "Anna Holm",
      "Company Name": "Nord A/S",
      "Personal Note": "Tak for sidst!",
      "Salesperson Name": "Jonas Olsen",
      "Post Code": "8000",
      "Template Description": "Brev",
      Today: new Date().toISOString().slice(0, 10),
    });
    const one = await api.call("GET", `/api/segments/M1/merge-data?lineNo=${anna.lineNo}`);
    expect(one.json.items.map((r: { contactNo: string }) => r.contactNo)).toEqual(["KT11"]);
  });

  it("checks for errors like Word: unmatched fields, empty values, e-mail lines without an address", async () => {
    const withBogus = buildDocx({
      body: p(control("Name")) + p(control("Shoe Size")) + p(mergeField("City")),
    });
    const res = await api.call("POST", "/api/segments/M1/merge-check", {
      body: { template: { documentBase64: base64(withBogus) } },
    });
    expect(res.status).toBe(200);
    const codes = res.json.issues.map((i: { code: string }) => i.code);
    expect(codes).toContain("field_unmatched");
    expect(
      res.json.issues.find((i: { code: string }) => i.code === "field_unmatched").message,
    ).toMatch(/Shoe Size/);
    expect(
      res.json.issues.find((i: { code: string }) => i.code === "empty_values")?.message,
    ).toMatch(/Bo Berg/);
    expect(
      res.json.issues.find((i: { code: string }) => i.code === "email_without_address")?.message,
    ).toMatch(/Bo Berg/);
    expect(res.json.records).toBe(3);
  });

  it("merges the segment into one valid document, one letter per contact on its own section", async () => {
    const jobId = "11111111-2222-4333-8444-555555555555";
    const res = await api.call("POST", "/api/segments/M1/merge", {
      body: { jobId, template: { documentBase64: base64(letter), fileName: "Forårsbrev.docx" } },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id: jobId,
      status: "done",
      progress: { done: 3, total: 3 },
      result: { fileName: "Forårsbrev - M1.docx" },
    });
    expect((await api.call("GET", `/api/merge-jobs/${jobId}`)).json.status).toBe("done");
    const again = await api.call("POST", "/api/segments/M1/merge", {
      body: { jobId, template: { documentBase64: base64(letter) } },
    });
    expect(again.json.createdAt).toBe(res.json.createdAt);
    const file = await api.call("GET", `/api/merge-jobs/${jobId}/result`);
    expect(file.headers.get("content-type")).toMatch(/wordprocessingml/);
    const docx = file.bytes as Uint8Array;
    const report = inspectDocx(docx);
    expect(report.problems).toEqual([]);
    const texts = letters(part(docx, "word/document.xml"));
    expect(texts).toHaveLength(3);
    expect(texts[0]).toContain("Kære Anna Holm,");
    expect(texts[0]).toContain("8000 AARHUS C");
    expect(texts[0]).toContain("Tak for sidst!");
    expect(texts[0]).toContain("Med venlig hilsen Jonas Olsen");
    expect(texts[2]).toContain("211 20 MALMÖ");
    expect(part(docx, "word/document.xml")).not.toContain("w:sdt>");
  });

  it("merges one .docx per contact into a zip, and keeps each letter for the Log", async () => {
    const res = await api.call("POST", "/api/segments/M1/merge", {
      body: { output: "perContact", keep: true, template: { documentBase64: base64(letter) } },
    });
    expect(res.json.result).toMatchObject({ contentType: "application/zip" });
    const zip = unzipSync(
      (await api.call("GET", `/api/merge-jobs/${res.json.id}/result`)).bytes as Uint8Array,
    );
    expect(Object.keys(zip).sort()).toEqual([
      "KT11 Anna Holm.docx",
      "KT12 Bo Berg.docx",
      "KT13 Cai Ek.docx",
    ]);
    expect(letters(part(zip["KT13 Cai Ek.docx"] as Uint8Array, "word/document.xml"))[0]).toContain(
      "Kære Cai Ek,",
    );
    const bo = (await api.call("GET", "/api/segments/M1/lines?contactNo=KT12")).json.items[0];
    await api.call("PATCH", `/api/segments/M1/lines/${bo.lineNo}`, {
      body: { correspondenceType: "hardCopy" },
      ifMatch: bo.etag,
    });
    // Read after the line changed: the segment's ETag covers the lines.
    const segment = (await api.call("GET", "/api/segments/M1")).json;
    const logged = await api.call("POST", "/api/segments/M1/log", {
      body: {},
      ifMatch: segment.etag,
    });
    expect(logged.status).toBe(200);
    const entries = (
      await api.call("GET", `/api/logged-segments/${logged.json.loggedSegment.entryNo}/entries`)
    ).json.items;
    // Each entry keeps its merged letter; where it is stored stays the server's business.
    expect(entries.map((e: { keptLetter?: string }) => e.keptLetter)).toEqual(
      entries.map(() => "merged"),
    );
    expect(JSON.stringify(entries)).not.toMatch(/documentId|merged\//);
  });

  it("sends a contact's own letter in place of the segment's, and says so when checking", async () => {
    const created = await api.call("POST", "/api/segments", {
      body: { no: "M2", description: "Eget brev", interactionTemplateCode: "LETTER" },
    });
    expect(created.status).toBe(201);
    for (const contactNo of ["KT11", "KT13"])
      await api.call("POST", "/api/segments/M2/lines", { body: { contactNo } });
    const cai = (await api.call("GET", "/api/segments/M2/lines?contactNo=KT13")).json.items[0];
    const own = buildDocx({ body: p(t("Kære Cai, et særligt tilbud til dig.")) });
    const up = await api.call("PUT", `/api/segments/M2/lines/${cai.lineNo}/attachment`, {
      rawBody: {
        contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        bytes: own,
      },
      headers: { "x-file-name": encodeURIComponent("Til Cai.docx") },
    });
    expect(up.status).toBe(200);

    // The merge data tells the pane (which checks in Word by itself), and the server's check says it.
    const data = (await api.call("GET", "/api/segments/M2/merge-data")).json.items;
    expect(
      data.map((d: { contactNo: string; ownLetter?: unknown }) => [d.contactNo, d.ownLetter]),
    ).toEqual([
      ["KT11", undefined],
      ["KT13", { fileName: "Til Cai.docx" }],
    ]);
    const check = await api.call("POST", "/api/segments/M2/merge-check", {
      body: { template: { documentBase64: base64(letter) } },
    });
    expect(check.json.issues.filter((i: { code: string }) => i.code === "own_letter")).toEqual([
      expect.objectContaining({
        severity: "info",
        lineNo: cai.lineNo,
        params: { record: "KT13 Cai Ek", file: "Til Cai.docx" },
      }),
    ]);

    // One document per contact: Cai's is his own letter, byte for byte; Anna's is merged.
    const res = await api.call("POST", "/api/segments/M2/merge", {
      body: { output: "perContact", template: { documentBase64: base64(letter) } },
    });
    expect(res.json.status).toBe("done");
    const zip = unzipSync(
      (await api.call("GET", `/api/merge-jobs/${res.json.id}/result`)).bytes as Uint8Array,
    );
    expect(Buffer.from(zip["KT13 Cai Ek.docx"] as Uint8Array).equals(Buffer.from(own))).toBe(true);
    expect(
      letters(part(zip["KT11 Anna Holm.docx"] as Uint8Array, "word/document.xml"))[0],
    ).toContain("Kære Anna Holm,");
  });

  it("writes each contact's letter in the line's language where the template has a letter in it", async () => {
    const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    expect(
      (
        await api.call("POST", "/api/interaction-templates", {
          body: { code: "SPROG", description: "Brev på flere sprog", languageCode: "da-DK" },
        })
      ).status,
    ).toBe(201);
    for (const [languageCode, greeting] of [
      ["da-DK", "Kære "],
      ["en-GB", "Dear "],
    ] as const) {
      const up = await api.call(
        "PUT",
        `/api/interaction-templates/SPROG/attachments/${languageCode}`,
        {
          rawBody: {
            contentType: docx,
            bytes: buildDocx({ body: p(t(greeting), control("Name")) }),
          },
          headers: { "x-file-name": encodeURIComponent(`${languageCode}.docx`) },
        },
      );
      expect(up.status).toBe(200);
    }
    await api.call("POST", "/api/segments", {
      body: {
        no: "M3",
        description: "Sprog",
        interactionTemplateCode: "SPROG",
        languageCode: "da-DK",
      },
    });
    for (const contactNo of ["KT11", "KT13"])
      await api.call("POST", "/api/segments/M3/lines", { body: { contactNo } });
    const cai = (await api.call("GET", "/api/segments/M3/lines?contactNo=KT13")).json.items[0];
    const patched = await api.call("PATCH", `/api/segments/M3/lines/${cai.lineNo}`, {
      body: { languageCode: "en-GB" },
      ifMatch: cai.etag,
    });
    expect(patched.status).toBe(200);

    const res = await api.call("POST", "/api/segments/M3/merge", {
      body: { output: "perContact" },
    });
    expect(res.json.status).toBe("done");
    const zip = unzipSync(
      (await api.call("GET", `/api/merge-jobs/${res.json.id}/result`)).bytes as Uint8Array,
    );
    const text = (name: string) =>
      letters(part(zip[name] as Uint8Array, "word/document.xml"))[0] ?? "";
    expect(text("KT11 Anna Holm.docx")).toContain("Kære Anna Holm");
    expect(text("KT13 Cai Ek.docx")).toContain("Dear Cai Ek");
  });

  it("writes a line that has its own interaction template with that template's letter", async () => {
    const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    await api.call("POST", "/api/interaction-templates", {
      body: { code: "TAK", description: "Tak for sidst", languageCode: "da-DK" },
    });
    const up = await api.call("PUT", "/api/interaction-templates/TAK/attachments/da-DK", {
      rawBody: {
        contentType: docx,
        bytes: buildDocx({ body: p(t("Tak, "), control("Name")) }),
      },
      headers: { "x-file-name": "tak.docx" },
    });
    expect(up.status).toBe(200);
    await api.call("POST", "/api/segments", {
      body: {
        no: "M4",
        description: "Eget brev",
        interactionTemplateCode: "SPROG",
        languageCode: "da-DK",
      },
    });
    await api.call("POST", "/api/segments/M4/lines", { body: { contactNo: "KT11" } });
    const own = await api.call("POST", "/api/segments/M4/lines", {
      body: { contactNo: "KT13", interactionTemplateCode: "TAK" },
    });
    expect(own.json).toMatchObject({ interactionTemplateCode: "TAK", languageCode: "da-DK" });
    const res = await api.call("POST", "/api/segments/M4/merge", {
      body: { output: "perContact" },
    });
    expect(res.json.status).toBe("done");
    const zip = unzipSync(
      (await api.call("GET", `/api/merge-jobs/${res.json.id}/result`)).bytes as Uint8Array,
    );
    const text = (name: string) =>
      letters(part(zip[name] as Uint8Array, "word/document.xml"))[0] ?? "";
    expect(text("KT11 Anna Holm.docx")).toContain("Kære Anna Holm");
    expect(text("KT13 Cai Ek.docx")).toContain("Tak, Cai Ek");
  });

  it("merges Word's own mail-merge letters from the fixtures unchanged, once their fields are matched", async () => {
    await api.call("POST", "/api/segments", { body: { no: "M2", description: "x" } });
    await api.call("POST", "/api/segments/M2/lines", { body: { contactNo: "KT13" } });
    const documentBase64 = base64(wordTemplate("test_macword2011"));
    // Its fields are its old data source's: Word asks to match them, and so does the merge.
    const refused = await api.call("POST", "/api/segments/M2/merge", {
      body: { template: { documentBase64 } },
    });
    expect(refused.status).toBe(422);
    const unmatched = refused.json.errors.map((e: { field: string; rule: string }) => {
      expect(e.rule).toBe("fields_unmatched");
      return e.field.replace(/^template\.fieldMatches\./, "");
    });
    expect(unmatched.length).toBeGreaterThan(0);
    const res = await api.call("POST", "/api/segments/M2/merge", {
      body: {
        template: {
          documentBase64,
          fieldMatches: Object.fromEntries(unmatched.map((f: string) => [f, null])),
        },
      },
    });
    expect(res.status).toBe(200);
    const docx = (await api.call("GET", `/api/merge-jobs/${res.json.id}/result`))
      .bytes as Uint8Array;
    expect(inspectDocx(docx).problems).toEqual([]);
    expect(strFromU8(unzipSync(docx)["word/document.xml"] as Uint8Array)).not.toContain(
      "MERGEFIELD",
    );
  });

  it("refuses a file that is not a Word document, and a segment without a letter", async () => {
    const bad = await api.call("POST", "/api/segments/M2/merge", {
      body: { template: { documentBase64: base64(new TextEncoder().encode("hello")) } },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.errors[0]).toMatchObject({ rule: "not_a_zip" });
    const none = await api.call("POST", "/api/segments/M2/merge", { body: {} });
    expect(none.status).toBe(422);
    expect(none.json.errors[0]).toMatchObject({ field: "template", rule: "exists" });
    const notBase64 = await api.call("POST", "/api/segments/M2/merge-check", {
      body: { template: { documentBase64: "***" } },
    });
    expect(notBase64.status).toBe(400);
    expect(
      (await api.call("GET", "/api/merge-jobs/00000000-0000-4000-8000-000000000000")).status,
    ).toBe(404);
  });

  it("leaves a finished job finished when canceled", async () => {
    const res = await api.call("POST", "/api/segments/M2/merge", {
      body: { template: { documentBase64: base64(letter) } },
    });
    const canceled = await api.call("POST", `/api/merge-jobs/${res.json.id}/cancel`);
    expect(canceled.json.status).toBe("done");
  });
});
