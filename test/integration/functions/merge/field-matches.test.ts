import { startApi, type ApiHarness } from "../../harness/api-harness";
import { buildDocx, mergeField, p, t } from "../../../unit/shared/merge/docx-builder";
import { letters, part } from "../../../unit/shared/merge/docx-text";

/**
 * Match Fields: a letter written for another data source (Word's own address list, a Danish
 * Excel sheet) names its fields First_Name, Postnummer...; the merge must not write it blank.
 */
let api: ApiHarness;
const oldLetter = buildDocx({
  body:
    p(t("Kære "), mergeField("First_Name"), t(" "), mergeField("Efternavn"), t(",")) +
    p(mergeField("Postal_Code"), t(" "), mergeField("City")) +
    p(t("Skostørrelse: "), mergeField("Shoe_Size")),
});
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

beforeAll(async () => {
  api = await startApi({}, undefined, { blobs: true });
  const ok = async (path: string, body: object) => {
    const res = await api.call("POST", path, { body });
    if (res.status >= 300) throw new Error(`${path}: ${res.text}`);
    return res.json;
  };
  await ok("/api/contacts", {
    no: "FM1",
    type: "person",
    name: "Anna Holm",
    firstName: "Anna",
    surname: "Holm",
    postCode: "8000",
    city: "Aarhus C",
  });
  await ok("/api/segments", { no: "FM", description: "Brev" });
  await ok("/api/segments/FM/lines", { contactNo: "FM1" });
});
afterAll(() => api.close());

describe("a letter with fields that are not Mergeline's", () => {
  it("is refused by the merge (422 fields_unmatched naming each field) instead of merged blank", async () => {
    const res = await api.call("POST", "/api/segments/FM/merge", {
      body: { template: { documentBase64: base64(oldLetter) } },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    const fields = res.json.errors.map((e: { field: string; rule: string }) => [e.field, e.rule]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ["template.fieldMatches.Efternavn", "fields_unmatched"],
        ["template.fieldMatches.Postal_Code", "fields_unmatched"],
        ["template.fieldMatches.Shoe_Size", "fields_unmatched"],
      ]),
    );
    // First_Name is Mergeline's First Name already: names match ignoring case and underscores.
    expect(fields).toHaveLength(3);
  });

  it("merges with the matches given, a field left empty shown empty", async () => {
    const res = await api.call("POST", "/api/segments/FM/merge", {
      body: {
        template: {
          documentBase64: base64(oldLetter),
          fieldMatches: {
            First_Name: "First Name",
            Efternavn: "Surname",
            "Postal Code": "Post Code",
            Shoe_Size: null,
          },
        },
      },
    });
    expect(res.status).toBe(200);
    const docx = (await api.call("GET", `/api/merge-jobs/${res.json.id}/result`))
      .bytes as Uint8Array;
    const [text] = letters(part(docx, "word/document.xml"));
    expect(text).toContain("Kære Anna Holm,");
    expect(text).toContain("8000 Aarhus C");
    expect(text).toContain("Skostørrelse: ");
  });
});

describe("field matches that do not fit (bad input)", () => {
  const merge = (fieldMatches: unknown, path = "merge") =>
    api.call("POST", `/api/segments/FM/${path}`, {
      body: { template: { documentBase64: base64(oldLetter), fieldMatches } },
    });

  it("refuses a match to a field Mergeline does not have, naming the field and the rule", async () => {
    const res = await merge({
      Efternavn: "Shoe Size",
      Postal_Code: "Post Code",
      Shoe_Size: null,
    });
    expect(res.status).toBe(422);
    expect(res.json.errors).toEqual([
      expect.objectContaining({
        in: "body",
        field: "template.fieldMatches.Efternavn",
        rule: "unknown_field",
      }),
    ]);
  });

  it("refuses a match for a field the letter does not have, at the check as at the merge", async () => {
    for (const path of ["merge", "merge-check"]) {
      const res = await merge(
        { Efternavn: "Surname", Postal_Code: "Post Code", Shoe_Size: null, Hat: "City" },
        path,
      );
      expect(res.status).toBe(422);
      expect(res.json.errors).toEqual([
        expect.objectContaining({ field: "template.fieldMatches.Hat", rule: "not_in_letter" }),
      ]);
    }
  });

  it("refuses matches of the wrong shape and too many of them (400)", async () => {
    const wrongType = await merge({ Efternavn: 42 });
    expect(wrongType.status).toBe(400);
    expect(wrongType.json.errors[0].field).toMatch(/^template\.fieldMatches/);
    const empty = await merge({ Efternavn: "" });
    expect(empty.status).toBe(400);
    const many = await merge(
      Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`F${i}`, null])),
    );
    expect(many.status).toBe(400);
    expect(JSON.stringify(many.json.errors)).toMatch(/at most 500/);
  });
});

describe("Check for Errors with Match Fields", () => {
  it("lists each unmatched field once with a suggestion and a reason, instead of 'left empty'", async () => {
    const res = await api.call("POST", "/api/segments/FM/merge-check", {
      body: { template: { documentBase64: base64(oldLetter), fieldMatches: { Shoe_Size: null } } },
    });
    expect(res.status).toBe(200);
    expect(res.json.unmatched).toEqual([
      { field: "Efternavn", suggestion: "Surname", reason: "label" },
      { field: "Postal_Code", suggestion: "Post Code", reason: "synonym" },
    ]);
    const codes = res.json.issues.map((i: { code: string }) => i.code);
    expect(codes.filter((c: string) => c === "field_unmatched")).toHaveLength(2);
    expect(codes).not.toContain("field_without_data");
    // Left empty on purpose: neither unmatched nor reported empty.
    expect(JSON.stringify(res.json.issues)).not.toMatch(/Shoe_Size/);
  });
});

describe("Match Fields remembered with a template's letter", () => {
  const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  const path = "/api/interaction-templates/OLD/attachments/da-DK/field-matches";
  const upload = (bytes: Uint8Array) =>
    api.call("PUT", "/api/interaction-templates/OLD/attachments/da-DK", {
      rawBody: { contentType: docx, bytes },
    });
  const mergeWithTemplate = () =>
    api.call("POST", "/api/segments/FM/merge", {
      body: { template: { interactionTemplateCode: "OLD", languageCode: "da-DK" } },
    });

  beforeAll(async () => {
    await api.call("POST", "/api/interaction-templates", { body: { code: "OLD" } });
    expect((await upload(oldLetter)).status).toBe(200);
  });

  it("lists the letter's foreign fields with suggestions, and the merge refuses them until matched", async () => {
    const res = await api.call("GET", path);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      fields: ["Efternavn", "Postal_Code", "Shoe_Size"],
      matches: {},
      unmatched: [
        { field: "Efternavn", suggestion: "Surname", reason: "label" },
        { field: "Postal_Code", suggestion: "Post Code", reason: "synonym" },
        { field: "Shoe_Size", reason: "none" },
      ],
    });
    expect(res.headers.get("etag")).toBeTruthy();
    expect((await mergeWithTemplate()).status).toBe(422);
  });

  it("refuses bad matches, a missing or stale ETag, with nothing written", async () => {
    const { etag } = (await api.call("GET", path)).json;
    const unknown = await api.call("PUT", path, {
      body: { matches: { Efternavn: "Shoe Size" } },
      ifMatch: etag,
    });
    expect(unknown.status).toBe(422);
    expect(unknown.json.errors).toEqual([
      expect.objectContaining({ field: "matches.Efternavn", rule: "unknown_field" }),
    ]);
    const notThere = await api.call("PUT", path, {
      body: { matches: { Hat: "City" } },
      ifMatch: etag,
    });
    expect(notThere.status).toBe(422);
    expect(notThere.json.errors[0]).toMatchObject({ field: "matches.Hat", rule: "not_in_letter" });
    const wrongShape = await api.call("PUT", path, { body: { matches: [] }, ifMatch: etag });
    expect(wrongShape.status).toBe(400);
    const noEtag = await api.call("PUT", path, { body: { matches: { Efternavn: "Surname" } } });
    expect(noEtag.status).toBe(428);
    const stale = await api.call("PUT", path, {
      body: { matches: { Efternavn: "Surname" } },
      ifMatch: '"stale"',
    });
    expect(stale.status).toBe(412);
    const after = await api.call("GET", path);
    expect(after.json.matches).toEqual({});
    expect(after.json.etag).toBe(etag);
    const missing = await api.call(
      "GET",
      "/api/interaction-templates/OLD/attachments/en-US/field-matches",
    );
    expect(missing.status).toBe(404);
  });

  it("of two changes made at once from the same ETag, one wins and the other gets 412", async () => {
    const { etag } = (await api.call("GET", path)).json;
    const results = await Promise.all([
      api.call("PUT", path, { body: { matches: { Efternavn: "Surname" } }, ifMatch: etag }),
      api.call("PUT", path, { body: { matches: { Efternavn: "Name" } }, ifMatch: etag }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const winner = results.find((r) => r.status === 200);
    expect((await api.call("GET", path)).json.matches).toEqual(winner?.json.matches);
  });

  it("merges with the remembered matches, and a replaced letter keeps those for fields it still has", async () => {
    const { etag } = (await api.call("GET", path)).json;
    const saved = await api.call("PUT", path, {
      body: { matches: { Efternavn: "surname", postal_code: "POST CODE", Shoe_Size: null } },
      ifMatch: etag,
    });
    expect(saved.status).toBe(200);
    // Stored under Mergeline's own names.
    expect(saved.json.matches).toEqual({
      Efternavn: "Surname",
      postal_code: "Post Code",
      Shoe_Size: null,
    });
    expect(saved.json.unmatched).toEqual([]);
    const merged = await mergeWithTemplate();
    expect(merged.status).toBe(200);
    const docx = (await api.call("GET", `/api/merge-jobs/${merged.json.id}/result`))
      .bytes as Uint8Array;
    expect(letters(part(docx, "word/document.xml"))[0]).toContain("Kære Anna Holm,");

    // Logged with the template's letter: Show Attachments merges the Log's copy with the
    // matches it was logged with.
    await api.call("POST", "/api/salespeople", { body: { code: "JO", name: "Jonas Olsen" } });
    const created = await api.call("POST", "/api/segments", {
      body: {
        no: "FL",
        description: "Brev",
        interactionTemplateCode: "OLD",
        languageCode: "da-DK",
        salespersonCode: "JO",
      },
    });
    expect(created.status).toBe(201);
    await api.call("POST", "/api/segments/FL/lines", { body: { contactNo: "FM1" } });
    const segment = (await api.call("GET", "/api/segments/FL")).json;
    const logged = await api.call("POST", "/api/segments/FL/log", {
      body: {},
      ifMatch: segment.etag,
    });
    expect(logged.status).toBe(200);
    const [entry] = (
      await api.call("GET", `/api/logged-segments/${logged.json.loggedSegment.entryNo}/entries`)
    ).json.items;
    expect(entry.keptLetter).toBe("template");
    expect(JSON.stringify(entry)).not.toMatch(/letterFieldMatches/);
    const shown = await api.call("GET", `/api/interaction-log-entries/${entry.entryNo}/letter`);
    expect(shown.status).toBe(200);
    expect(letters(part(shown.bytes as Uint8Array, "word/document.xml"))[0]).toContain(
      "Kære Anna Holm,",
    );

    const newer = buildDocx({
      body: p(mergeField("Efternavn")) + p(mergeField("Postal_Code")) + p(mergeField("By")),
    });
    expect((await upload(newer)).status).toBe(200);
    const after = (await api.call("GET", path)).json;
    expect(after.matches).toEqual({ Efternavn: "Surname", postal_code: "Post Code" });
    expect(after.unmatched).toEqual([{ field: "By", suggestion: "City", reason: "label" }]);
  });
});

describe("Check for Errors, grouped", () => {
  it("says each empty field once, with its count and the first contacts, not once per contact", async () => {
    for (const no of ["FG1", "FG2", "FG3"])
      await api.call("POST", "/api/contacts", {
        body: { no, type: "person", name: `Kontakt ${no}`, salutation: no === "FG1" ? "Hr." : "" },
      });
    await api.call("POST", "/api/segments", { body: { no: "FG", description: "Brev" } });
    for (const no of ["FG1", "FG2", "FG3"])
      await api.call("POST", "/api/segments/FG/lines", { body: { contactNo: no } });
    const letter = buildDocx({
      body:
        p(mergeField("Salutation"), t(" "), mergeField("Name")) + p(mergeField("Personal_Note")),
    });
    const res = await api.call("POST", "/api/segments/FG/merge-check", {
      body: { template: { documentBase64: base64(letter) } },
    });
    expect(res.status).toBe(200);
    const empty = res.json.groups.filter((g: { rule: string }) => g.rule === "empty_values");
    expect(
      empty.map((g: { field: string; count: number; message: string }) => [
        g.field,
        g.count,
        g.message,
      ]),
    ).toEqual([
      ["Personal_Note", 3, "Personal_Note is empty."],
      ["Salutation", 2, "Salutation is empty."],
    ]);
    expect(empty[0].lines.map((l: { contactNo: string }) => l.contactNo)).toEqual([
      "FG1",
      "FG2",
      "FG3",
    ]);
    expect(empty[1].lines.map((l: { contactNo: string }) => l.contactNo)).toEqual(["FG2", "FG3"]);
  });
});
