import { startApi, type ApiHarness } from "../../harness/api-harness";
import { buildDocx, control, p, simpleField, t } from "../../../unit/shared/merge/docx-builder";

/**
 * A letter with NEXT, NEXTIF or SKIPIF puts several records in one letter; merged one document
 * per contact, each document shows its own contact only (shared/merge/README.md, "One document
 * per contact"). Check for Errors and the merge say so, once, as a warning: the user may want
 * one document instead.
 */
let api: ApiHarness;
beforeAll(async () => {
  api = await startApi({}, undefined, { blobs: true });
  const ok = async (path: string, body: object) => {
    const res = await api.call("POST", path, { body });
    if (res.status >= 300) throw new Error(`${path}: ${res.text}`);
  };
  for (const [no, name] of [
    ["KT1", "Anna Holm"],
    ["KT2", "Bo Berg"],
    ["KT3", "Cai Ek"],
  ] as const)
    await ok("/api/contacts", { no, type: "person", name });
  await ok("/api/segments", { no: "R1", description: "Liste" });
  for (const contactNo of ["KT1", "KT2", "KT3"]) await ok("/api/segments/R1/lines", { contactNo });
});
afterAll(() => api.close());

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
const list = buildDocx({
  body: p(control("Name")) + p(simpleField("NEXT", "«Next Record»"), control("Name")),
});
const plain = buildDocx({ body: p(t("Kære "), control("Name")) });
const template = (bytes: Uint8Array) => ({ documentBase64: base64(bytes), fileName: "liste.docx" });
const perContactIssues = (issues: { code: string }[]) =>
  issues.filter((i) => i.code === "record_fields_per_contact");

describe("record fields merged one document per contact", () => {
  it("Check for Errors warns once, grouped, with the fix", async () => {
    const res = await api.call("POST", "/api/segments/R1/merge-check", {
      body: { output: "perContact", template: template(list) },
    });
    expect(res.status).toBe(200);
    expect(perContactIssues(res.json.issues)).toEqual([
      expect.objectContaining({
        severity: "warning",
        params: expect.objectContaining({ fields: ["NEXT"] }),
      }),
    ]);
    expect(
      (res.json.groups as { rule: string }[]).filter((g) => g.rule === "record_fields_per_contact"),
    ).toEqual([
      expect.objectContaining({
        severity: "warning",
        count: 1,
        hint: expect.stringMatching(/one document/),
      }),
    ]);
  });

  it("the merge per contact carries the warning; one document and a letter without record fields do not", async () => {
    const merged = await api.call("POST", "/api/segments/R1/merge", {
      body: { output: "perContact", template: template(list) },
    });
    expect(merged.status).toBe(200);
    expect(merged.json.status).toBe("done");
    expect(perContactIssues(merged.json.issues)).toHaveLength(1);

    for (const body of [
      { output: "document", template: template(list) },
      { output: "perContact", template: template(plain) },
    ]) {
      const check = await api.call("POST", "/api/segments/R1/merge-check", { body });
      expect(check.status).toBe(200);
      expect(perContactIssues(check.json.issues)).toEqual([]);
    }
  });
});
