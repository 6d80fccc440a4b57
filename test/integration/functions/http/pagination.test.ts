import { startApi, type ApiHarness } from "../../harness/api-harness";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
  for (let i = 1; i <= 23; i++) {
    const no = `KT7${String(i).padStart(5, "0")}`;
    await api.call("POST", "/api/contacts", {
      body: {
        no,
        type: "company",
        name: `Firma ${String(26 - i).padStart(2, "0")}`,
        city: i % 2 ? "Aarhus C" : "Odense C",
      },
    });
  }
});
afterAll(() => api.close());

const collect = async (path: string) => {
  const seen: string[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const res = await api.call(
      "GET",
      `${path}${sep}top=5${token ? `&continuationToken=${encodeURIComponent(token)}` : ""}`,
    );
    expect(res.status).toBe(200);
    expect(res.json.items.length).toBeLessThanOrEqual(5);
    seen.push(...res.json.items.map((c: { no: string }) => c.no));
    token = res.json.continuationToken;
    pages++;
  } while (token && pages < 20);
  return { seen, pages };
};

describe("list pagination with continuation tokens", () => {
  it("walks every contact exactly once in No. order", async () => {
    const { seen, pages } = await collect("/api/contacts");
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    expect(seen).toEqual([...seen].sort());
    expect(pages).toBe(5);
  });

  it("orders by name and keeps filters across pages", async () => {
    const { seen } = await collect("/api/contacts?city=Odense%20C&orderBy=name");
    expect(seen).toHaveLength(11);
    const names = await Promise.all(
      seen.map(async (no) => (await api.call("GET", `/api/contacts/${no}`)).json.name as string),
    );
    expect(names).toEqual([...names].sort());
  });

  it("refuses a token used with other filters, and a forged one", async () => {
    const first = await api.call("GET", "/api/contacts?top=5");
    const token = encodeURIComponent(first.json.continuationToken as string);
    const other = await api.call(
      "GET",
      `/api/contacts?top=5&city=Aarhus%20C&continuationToken=${token}`,
    );
    expect(other.status).toBe(400);
    expect(other.json.errors[0]).toMatchObject({
      in: "query",
      field: "continuationToken",
      rule: "invalid_token",
    });
    const forged = await api.call("GET", "/api/contacts?top=5&continuationToken=bm90LWEtdG9rZW4");
    expect(forged.status).toBe(400);
  });
});
