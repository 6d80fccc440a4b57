/**
 * POST /segments/{no}/merge with output "labels": a job like the document's, whose result is a
 * sheet of address labels; a sheet that cannot be printed is refused 422 with nothing written.
 */
import { startApi, type ApiHarness } from "../../harness/api-harness";
import { buildDocx, control, p, t } from "../../../unit/shared/merge/docx-builder";
import { sheetsOf, validateDocx } from "../../../unit/shared/merge/labels/label-sheets";

let api: ApiHarness;
const letter = buildDocx({ body: p(t("Kære "), control("Name"), t(",")) });
const template = { documentBase64: Buffer.from(letter).toString("base64"), fileName: "Brev.docx" };

const grid = {
  pageWidth: 100,
  pageHeight: 50,
  topMargin: 5,
  sideMargin: 5,
  columns: 2,
  rows: 1,
  labelWidth: 40,
  labelHeight: 30,
  horizontalPitch: 45,
  verticalPitch: 30,
};

beforeAll(async () => {
  api = await startApi({}, undefined, { blobs: true });
  const ok = async (path: string, body: object) => {
    const res = await api.call("POST", path, { body });
    if (res.status >= 300) throw new Error(`${path}: ${res.text}`);
  };
  await ok("/api/contacts", {
    no: "KT1",
    type: "company",
    name: "Nord A/S",
    address: "Vestergade 12",
    postCode: "8000",
    city: "Aarhus C",
  });
  await ok("/api/contacts", { no: "KT2", type: "person", name: "Anna Holm", companyNo: "KT1" });
  await ok("/api/contacts", {
    no: "KT3",
    type: "person",
    name: "Cai Ek",
    address: "Storgatan 1",
    postCode: "211 20",
    city: "Malmö",
    countryRegionCode: "SE",
  });
  await ok("/api/segments", { no: "L1", description: "Etiketter" });
  for (const c of ["KT1", "KT2", "KT3"]) await ok("/api/segments/L1/lines", { contactNo: c });
});
afterAll(() => api.close());

describe("labels merge on the server", () => {
  it("prints an address label per contact on the chosen sheet, as a job with its result", async () => {
    const jobId = "21111111-2222-4333-8444-555555555555";
    // The segment has no interaction template and none is sent: labels need no letter.
    const res = await api.call("POST", "/api/segments/L1/merge", {
      body: { jobId, output: "labels", labels: { sheet: { preset: "a4-2x7" } } },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id: jobId,
      status: "done",
      output: "labels",
      progress: { done: 3, total: 3 },
      result: { fileName: "Labels - L1.docx" },
    });
    const docx = (await api.call("GET", `/api/merge-jobs/${jobId}/result`)).bytes as Uint8Array;
    expect(validateDocx(docx)).toMatch(/^valid:/);
    const sheets = sheetsOf(docx);
    expect(sheets).toHaveLength(1);
    // The letter's Address Block: in Denmark the company before its person (Business Central's
    // "After Company Name"), a person without an address at the company's, the country by name
    // only abroad.
    expect(sheets[0]?.labels.slice(0, 3)).toEqual([
      "Nord A/S\nVestergade 12\n8000 Aarhus C",
      "Nord A/S\nAnna Holm\nVestergade 12\n8000 Aarhus C",
      "Cai Ek\nStorgatan 1\n211 20 Malmö\nSweden",
    ]);
  });

  it("takes a custom grid: three contacts on two sheets of two", async () => {
    const res = await api.call("POST", "/api/segments/L1/merge", {
      body: { template, output: "labels", labels: { sheet: { custom: grid } } },
    });
    expect(res.status).toBe(200);
    const docx = (await api.call("GET", `/api/merge-jobs/${res.json.id}/result`))
      .bytes as Uint8Array;
    expect(sheetsOf(docx).map((s) => s.labels.length)).toEqual([2, 2]);
  });

  it.each([
    ["wider than the page", { columns: 3 }, "columns", "does_not_fit_page_width"],
    ["taller than the page", { topMargin: 20 }, "rows", "does_not_fit_page_height"],
    ["a zero label", { labelHeight: 0 }, "labelHeight", "too_small"],
    ["a negative margin", { sideMargin: -2 }, "sideMargin", "negative"],
    ["overlapping labels", { horizontalPitch: 30 }, "horizontalPitch", "pitch_below_label"],
    ["an absurd page", { pageWidth: 100000 }, "pageWidth", "too_large"],
    [
      "too many labels on one sheet",
      {
        columns: 20,
        rows: 21,
        labelWidth: 5,
        labelHeight: 5,
        horizontalPitch: 5,
        verticalPitch: 5,
        pageWidth: 200,
        pageHeight: 200,
      },
      "rows",
      "too_many_labels",
    ],
  ])(
    "refuses a sheet %s: 422 naming the field and the rule, no job",
    async (_, change, field, rule) => {
      const jobId = `3111111${field.length % 10}-2222-4333-8444-${rule.length.toString().padStart(12, "0")}`;
      const res = await api.call("POST", "/api/segments/L1/merge", {
        body: {
          jobId,
          template,
          output: "labels",
          labels: { sheet: { custom: { ...grid, ...change } } },
        },
      });
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
      expect(res.json.errors).toContainEqual(
        expect.objectContaining({ field: `labels.sheet.custom.${field}`, rule }),
      );
      expect((await api.call("GET", `/api/merge-jobs/${jobId}`)).status).toBe(404);
    },
  );

  it("refuses a sheet of the wrong shape: an unknown preset, a missing size", async () => {
    const unknown = await api.call("POST", "/api/segments/L1/merge", {
      body: { template, output: "labels", labels: { sheet: { preset: "a4-9x9" } } },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors[0]).toMatchObject({ field: "labels.sheet.preset" });
    const { rows: _rows, ...withoutRows } = grid;
    const missing = await api.call("POST", "/api/segments/L1/merge", {
      body: { template, output: "labels", labels: { sheet: { custom: withoutRows } } },
    });
    expect(missing.status).toBe(400);
    expect(missing.json.errors[0]).toMatchObject({
      field: "labels.sheet.custom.rows",
      rule: "required",
    });
  });
});
