import { startApi, type ApiHarness } from "../../harness/api-harness";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

describe("a campaign without No. takes the next No. of the CAMPAIGN series (BC)", () => {
  it("numbers campaigns in order and skips a No. already typed by hand", async () => {
    const typed = await api.call("POST", "/api/campaigns", {
      body: { no: "CP0002", description: "Typed" },
    });
    expect(typed.status).toBe(201);
    const first = await api.call("POST", "/api/campaigns", { body: { description: "Julekort" } });
    expect(first.status).toBe(201);
    expect(first.json.no).toBe("CP0001");
    const second = await api.call("POST", "/api/campaigns", { body: { description: "Påske" } });
    expect(second.status).toBe(201);
    expect(second.json.no).toBe("CP0003");
    expect((await api.call("GET", "/api/campaigns/CP0003")).json.description).toBe("Påske");
  });

  it("upper-cases a typed No. and refuses one that is no code, writing nothing", async () => {
    const lower = await api.call("POST", "/api/campaigns", { body: { no: "cp9001" } });
    expect(lower.status).toBe(201);
    expect(lower.json.no).toBe("CP9001");
    const bad = await api.call("POST", "/api/campaigns", { body: { no: "CP!1" } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0]).toMatchObject({ field: "no" });
    expect((await api.call("GET", "/api/campaigns/CP!1")).status).not.toBe(200);
  });
});
