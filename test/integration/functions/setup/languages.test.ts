import { startApi, type ApiHarness } from "../../harness/api-harness";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const codes = (json: { items: { code: string }[] }) => json.items.map((l) => l.code);

describe("GET /languages: the languages a Language Code is picked from", () => {
  it("finds a language by the start of its code or by its name in English or Danish", async () => {
    const byCode = await api.call("GET", "/api/languages?search=da");
    expect(byCode.status).toBe(200);
    expect(codes(byCode.json)).toContain("da-DK");
    expect(byCode.json.items.find((l: { code: string }) => l.code === "da-DK")).toEqual({
      code: "da-DK",
      name: "Danish (Denmark)",
      nameDa: "dansk (Danmark)",
    });
    expect(codes((await api.call("GET", "/api/languages?search=tysk")).json)).toEqual(
      expect.arrayContaining(["de-DE", "de-AT", "de-CH"]),
    );
    expect(codes((await api.call("GET", "/api/languages?search=Swedish")).json)).toEqual(["sv-SE"]);
    expect(codes((await api.call("GET", "/api/languages?search=xx-YY")).json)).toEqual([]);
    expect((await api.call("GET", "/api/languages?top=3")).json.items).toHaveLength(3);
  });

  it("refuses a search over 100 characters and a page size outside 1-500, naming the field", async () => {
    for (const [query, field, rule] of [
      [`search=${"a".repeat(101)}`, "search", "too_big"],
      ["top=501", "top", "too_big"],
      ["top=0", "top", "too_small"],
      ["top=many", "top", "invalid_type"],
    ] as const) {
      const res = await api.call("GET", `/api/languages?${query}`);
      expect(`${query}: ${res.status}`).toBe(`${query}: 400`);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
      expect(res.json.errors).toEqual([expect.objectContaining({ in: "query", field, rule })]);
    }
  });

  it("answers only a signed-in user", async () => {
    expect((await api.call("GET", "/api/languages", { anonymous: true })).status).toBe(401);
  });
});
