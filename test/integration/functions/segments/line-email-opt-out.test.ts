/**
 * A segment line, as the pane reads it, carries its contact's E-mail Opt-out
 * (contactEmailOptOut), read from the contact each time (so a change made elsewhere shows), and
 * with one read of the page's contacts, not one per line.
 */
import type { SegmentLine } from "@shared/model/segment";
import { startApi, type ApiHarness } from "../../harness/api-harness";

let api: ApiHarness;
const tenant = "line-opt-out";

beforeAll(async () => {
  api = await startApi();
  const ok = async (method: string, path: string, body: object) => {
    const res = await api.call(method, path, { tenant, body });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res.json;
  };
  for (const [no, name] of [
    ["KT1", "Ane Bach"],
    ["KT2", "Bo Berg"],
    ["KT3", "Cai Ek"],
  ])
    await ok("POST", "/api/contacts", { no, type: "person", name, email: `${no}@example.dk` });
  await ok("POST", "/api/segments", { no: "S1", description: "Opt-out" });
  for (const no of ["KT1", "KT2", "KT3"])
    await ok("POST", "/api/segments/S1/lines", { contactNo: no });
});
afterAll(() => api.close());

const optOut = async (no: string, value: boolean) => {
  const contact = await api.call("GET", `/api/contacts/${no}`, { tenant });
  const res = await api.call("PATCH", `/api/contacts/${no}`, {
    tenant,
    body: { emailOptOut: value },
    ifMatch: contact.json.etag,
  });
  expect(res.status).toBe(200);
};

const lines = async (): Promise<SegmentLine[]> => {
  const res = await api.call<{ items: SegmentLine[] }>("GET", "/api/segments/S1/lines", { tenant });
  expect(res.status).toBe(200);
  return res.json.items;
};
const optOuts = async () =>
  Object.fromEntries((await lines()).map((l) => [l.contactNo, l.contactEmailOptOut]));

describe("a segment line's contactEmailOptOut", () => {
  it("follows the contact's E-mail Opt-out in the lines, one line and a changed line", async () => {
    expect(await optOuts()).toEqual({ KT1: false, KT2: false, KT3: false });

    await optOut("KT2", true);
    expect(await optOuts()).toEqual({ KT1: false, KT2: true, KT3: false });
    const kt2 = (await lines()).find((l) => l.contactNo === "KT2") as SegmentLine;
    const one = await api.call<SegmentLine>("GET", `/api/segments/S1/lines/${kt2.lineNo}`, {
      tenant,
    });
    expect(one.json.contactEmailOptOut).toBe(true);
    // A line the pane changes comes back with it too, and it is not stored on the line.
    const patched = await api.call<SegmentLine>("PATCH", `/api/segments/S1/lines/${kt2.lineNo}`, {
      tenant,
      body: { description: "Ring først" },
      ifMatch: kt2.etag,
    });
    expect(patched.status).toBe(200);
    expect(patched.json.contactEmailOptOut).toBe(true);

    await optOut("KT2", false);
    expect(await optOuts()).toEqual({ KT1: false, KT2: false, KT3: false });
    const again = await api.call<SegmentLine>("GET", `/api/segments/S1/lines/${kt2.lineNo}`, {
      tenant,
    });
    expect(again.json.contactEmailOptOut).toBe(false);
    expect(again.json.description).toBe("Ring først");
  });

  it("reads a page's contacts at once, not once per line", async () => {
    const contacts = api.deps.store.contacts;
    const byNos = jest.spyOn(contacts, "byNos");
    const get = jest.spyOn(contacts.store, "get");
    const find = jest.spyOn(contacts.store, "find");
    try {
      expect(await lines()).toHaveLength(3);
      expect(byNos).toHaveBeenCalledTimes(1);
      expect(get).not.toHaveBeenCalled();
      expect(find).not.toHaveBeenCalled();
    } finally {
      byNos.mockRestore();
      get.mockRestore();
      find.mockRestore();
    }
  });

  it("refuses a line number that is not a number, naming the field", async () => {
    const res = await api.call("GET", "/api/segments/S1/lines/abc", { tenant });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json.errors)).toMatch(/lineNo/);
  });
});
