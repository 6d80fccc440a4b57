import { startApi, type ApiHarness } from "../../harness/api-harness";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
  await api.call("POST", "/api/mailing-groups", {
    body: { code: "NYHEDSBREV", description: "Newsletter", descriptionDa: "Nyhedsbrev" },
  });
  await api.call("POST", "/api/mailing-groups", { body: { code: "JULEKORT" } });
  await api.call("POST", "/api/contacts", {
    body: { no: "KT1", type: "person", name: "Anna", mailingGroups: ["nyhedsbrev"] },
  });
  await api.call("POST", "/api/segments", { body: { no: "SEG1" } });
});
afterAll(() => api.close());

const add = (codes: string[], dryRun = true) =>
  api.call("POST", "/api/segments/SEG1/add-contacts", {
    body: {
      filter: { kind: "and", items: [{ kind: "list", list: "mailingGroups", codes }] },
      options: { dryRun },
    },
  });

describe("criteria naming a code the tenant has not set up", () => {
  it("answers 422 naming the code's place and the nearest codes, instead of counting 0", async () => {
    const res = await add(["NYHEDSBRV"], false);
    expect(res.status).toBe(422);
    expect(res.json.errors).toEqual([
      expect.objectContaining({
        in: "body",
        field: "filter.items.0.codes.0",
        rule: "exists",
        message: expect.stringContaining('did you mean "NYHEDSBREV"'),
      }),
    ]);
    const lines = await api.call("GET", "/api/segments/SEG1/lines");
    expect(lines.json.items).toEqual([]);
  });

  it("matches a lower-case code as its upper-case setup code", async () => {
    const res = await add(["nyhedsbrev"], false);
    expect(res.status).toBe(200);
    const lines = await api.call("GET", "/api/segments/SEG1/lines");
    expect(lines.json.items.map((l: { contactNo: string }) => l.contactNo)).toEqual(["KT1"]);
  });
});

describe("value suggestions for a code list", () => {
  it("offers the tenant's set-up codes with their descriptions and use, even unused ones", async () => {
    const all = await api.call("GET", "/api/criteria/fields/mailingGroups/values");
    expect(all.status).toBe(200);
    expect(all.json.items).toEqual([
      { value: "NYHEDSBREV", count: 1, description: "Newsletter", descriptionDa: "Nyhedsbrev" },
      { value: "JULEKORT", count: 0, description: "", descriptionDa: "" },
    ]);
    const searched = await api.call("GET", "/api/criteria/fields/mailingGroups/values?search=news");
    expect(searched.json.items.map((i: { value: string }) => i.value)).toEqual(["NYHEDSBREV"]);
    const bad = await api.call("GET", "/api/criteria/fields/mailingGroups/values?top=0");
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0]).toMatchObject({ in: "query", field: "top" });
  });
});
