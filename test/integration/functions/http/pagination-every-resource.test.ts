import { HttpRequest, InvocationContext } from "@azure/functions";
import { handlers } from "../../../../functions/routes";
import { startApi, type ApiHarness } from "../../harness/api-harness";

let api: ApiHarness;
const count = 7;
beforeAll(async () => {
  api = await startApi();
  await api.call("POST", "/api/segments", { body: { no: "SEGP" } });
  for (let i = 1; i <= count; i++) {
    await api.call("POST", "/api/salespeople", { body: { code: `SP${i}`, name: `Sælger ${i}` } });
    await api.call("POST", "/api/campaigns", {
      body: { no: `CP${i}`, description: `Kampagne ${i}` },
    });
    await api.call("POST", "/api/interaction-templates", {
      body: { code: `T${i}`, description: `Skabelon ${i}` },
    });
    await api.call("POST", "/api/segments", {
      body: { no: `SEG${i}`, description: `Målgruppe ${i}` },
    });
    await api.call("POST", "/api/contacts", {
      body: { no: `KT5${i}`, type: "company", name: `Firma ${i}` },
    });
    await api.call("POST", "/api/segments/SEGP/lines", { body: { contactNo: `KT5${i}` } });
  }
});
afterAll(() => api.close());

const walk = async (path: string, key: string) => {
  const keys: unknown[] = [];
  let token: string | undefined;
  for (let page = 0; page < 10; page++) {
    const sep = path.includes("?") ? "&" : "?";
    const res = await api.call(
      "GET",
      `${path}${sep}top=3${token ? `&continuationToken=${encodeURIComponent(token)}` : ""}`,
    );
    expect(res.status).toBe(200);
    keys.push(...res.json.items.map((i: Record<string, unknown>) => i[key]));
    token = res.json.continuationToken;
    if (!token) break;
  }
  return keys;
};

describe.each([
  ["/api/salespeople", "code", count],
  ["/api/campaigns", "no", count],
  ["/api/interaction-templates", "code", count],
  ["/api/segments?search=SEG", "no", count + 1],
  ["/api/contacts", "no", count],
  ["/api/segments/SEGP/lines", "lineNo", count],
] as const)("paging %s", (path, key, expected) => {
  it("returns every item once, in key order, three at a time", async () => {
    const keys = await walk(path, key);
    expect(keys).toHaveLength(expected);
    expect(new Set(keys).size).toBe(expected);
    expect(keys).toEqual(
      [...keys].sort((a, b) =>
        typeof a === "number" ? (a as number) - (b as number) : String(a).localeCompare(String(b)),
      ),
    );
  });
});

describe("handlers are plain Azure Functions handlers", () => {
  it("answers when called directly with HttpRequest and InvocationContext", async () => {
    const handler = handlers.getSalesperson(async () => api.deps);
    const response = await handler(
      new HttpRequest({
        method: "GET",
        url: "http://localhost/api/salespeople/SP1",
        params: { code: "SP1" },
        headers: {
          authorization: `Bearer ${await api.issuer.sign({ tenant: "tenant-a", user: "alice" })}`,
        },
      }),
      new InvocationContext({ functionName: "getSalesperson" }),
    );
    expect(response.status).toBe(200);
    expect((response as { jsonBody?: unknown }).jsonBody).toMatchObject({
      code: "SP1",
      name: "Sælger 1",
    });
  });
});
