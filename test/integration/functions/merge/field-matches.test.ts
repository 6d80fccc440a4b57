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
