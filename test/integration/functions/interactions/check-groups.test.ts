import { startApi, type ApiHarness } from "../../harness/api-harness";
import { minimalDocx, seedLoggingTenant } from "./logging-fixture";

// Business Central lists a problem once per kind, not once per line: 3,229 lines without a
// template are one group with its count, the first lines and what to do about it.
let api: ApiHarness;
beforeAll(async () => {
  api = await startApi({}, undefined, { blobs: true });
  await seedLoggingTenant(api);
});
afterAll(() => api.close());

interface Group {
  rule: string;
  count: number;
  lines: { lineNo: number; contactNo: string }[];
  hint: string;
}

describe("log-check and merge-check answer groups", () => {
  it("log-check: lines without a template are one group with the count, the first lines and a hint", async () => {
    await api.call("POST", "/api/segments", {
      body: { no: "G1", description: "Uden skabelon", salespersonCode: "JO" },
    });
    for (const contactNo of ["KT11", "KT12", "KT13"])
      await api.call("POST", "/api/segments/G1/lines", { body: { contactNo } });
    const res = await api.call("POST", "/api/segments/G1/log-check");
    expect(res.status).toBe(200);
    expect(res.json.problems).toHaveLength(3);
    const groups = res.json.groups as Group[];
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ rule: "template_set", count: 3 });
    expect(groups[0]?.lines.map((l) => l.contactNo)).toEqual(["KT11", "KT12", "KT13"]);
    expect(groups[0]?.hint).toMatch(/interaction template/i);
  });

  it("log-check: a group names at most the first five lines", async () => {
    await api.call("POST", "/api/contacts", {
      body: { no: "KT2", type: "company", name: "Syd A/S" },
    });
    await api.call("POST", "/api/segments", {
      body: { no: "G2", description: "Mange", salespersonCode: "JO" },
    });
    const nos = Array.from({ length: 8 }, (_, i) => `KT2${i}`);
    for (const no of nos) {
      await api.call("POST", "/api/contacts", {
        body: { no, type: "person", name: no, companyNo: "KT2" },
      });
      await api.call("POST", "/api/segments/G2/lines", { body: { contactNo: no } });
    }
    const res = await api.call("POST", "/api/segments/G2/log-check");
    const groups = res.json.groups as Group[];
    expect(groups).toEqual([expect.objectContaining({ rule: "template_set", count: 8 })]);
    expect(groups[0]?.lines.map((l) => l.contactNo)).toEqual(nos.slice(0, 5));
  });

  it("a segment without problems answers no groups", async () => {
    await api.call("POST", "/api/segments", {
      body: {
        no: "G3",
        description: "God",
        interactionTemplateCode: "LETTER",
        salespersonCode: "JO",
      },
    });
    await api.call("POST", "/api/segments/G3/lines", { body: { contactNo: "KT11" } });
    const res = await api.call("POST", "/api/segments/G3/log-check");
    expect(res.json).toMatchObject({ problems: [], groups: [] });
  });

  it("merge-check: the issues are grouped by their code", async () => {
    await api.call("POST", "/api/segments", { body: { no: "G4", description: "Flet" } });
    for (const contactNo of ["KT11", "KT12", "KT13"])
      await api.call("POST", "/api/segments/G4/lines", { body: { contactNo } });
    const res = await api.call("POST", "/api/segments/G4/merge-check", {
      body: {
        template: {
          documentBase64: Buffer.from(minimalDocx("Kære «Name» «NoSuchField»")).toString("base64"),
        },
      },
    });
    expect(res.status).toBe(200);
    const groups = res.json.groups as Group[];
    const codes = (res.json.issues as { code: string }[]).map((i) => i.code);
    expect(groups.map((g) => g.rule).sort()).toEqual([...new Set(codes)].sort());
    for (const g of groups) {
      expect(g.count).toBe(codes.filter((c) => c === g.rule).length);
      expect(g.hint.length).toBeGreaterThan(0);
    }
  });

  it("an unknown segment is 404 for both checks", async () => {
    expect((await api.call("POST", "/api/segments/NOPE/log-check")).status).toBe(404);
    expect((await api.call("POST", "/api/segments/NOPE/merge-check", { body: {} })).status).toBe(
      404,
    );
  });
});
