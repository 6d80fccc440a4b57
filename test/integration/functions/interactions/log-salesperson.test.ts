import { startApi, type ApiHarness } from "../../harness/api-harness";
import { seedLoggingTenant } from "./logging-fixture";

/**
 * Business Central's Log refuses a line without a salesperson, or with one that does not exist
 * (SegManagement.CheckSalesperson): every interaction is someone's. A line takes the segment's
 * salesperson, else its contact's, as Business Central's segment lines do.
 */
let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
  await seedLoggingTenant(api);
  await api.call("POST", "/api/salespeople", { body: { code: "GONE", name: "Gone Soon" } });
  await api.call("POST", "/api/contacts", {
    body: { no: "KT14", type: "person", name: "Dan", salespersonCode: "JO" },
  });
});
afterAll(() => api.close());

const make = async (no: string, contacts: string[], header: object = {}) => {
  const created = await api.call("POST", "/api/segments", {
    body: { no, description: "Forårsbrev", interactionTemplateCode: "LETTER", ...header },
  });
  if (created.status !== 201) throw new Error(`${created.status} ${created.text}`);
  for (const contactNo of contacts)
    await api.call("POST", `/api/segments/${no}/lines`, { body: { contactNo } });
  return (await api.call("GET", `/api/segments/${no}`)).json as { etag: string };
};
const log = (no: string, etag: string) =>
  api.call("POST", `/api/segments/${no}/log`, { body: {}, ifMatch: etag });
const linesOf = async (no: string) =>
  (await api.call("GET", `/api/segments/${no}/lines`)).json.items as {
    lineNo: number;
    contactNo: string;
    salespersonCode?: string;
    etag: string;
  }[];

/** Nothing of a refused Log is written: no logged segment, no entry, the segment still open. */
const nothingWritten = async (no: string, contacts: string[]) => {
  expect((await api.call("GET", `/api/logged-segments?segmentNo=${no}`)).json.items).toEqual([]);
  expect((await api.call("GET", `/api/segments/${no}`)).json.status).toBe("open");
  for (const contactNo of contacts)
    expect(
      (await api.call("GET", `/api/contacts/${contactNo}/interactions?segmentNo=${no}`)).json.items,
    ).toEqual([]);
  expect((await api.call("GET", "/api/campaigns/CP1/entries")).json.items).toEqual(
    expect.not.arrayContaining([expect.objectContaining({ segmentNo: no })]),
  );
};

describe("Log and lines without a salesperson", () => {
  it("refuses, 422 naming the lines and the rule, and writes nothing", async () => {
    const segment = await make("SP1", ["KT11", "KT12"], { campaignNo: "CP1" });
    const res = await log("SP1", segment.etag);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const lines = await linesOf("SP1");
    expect(res.json.errors).toEqual(
      lines.map((l) =>
        expect.objectContaining({
          field: `lines.${l.lineNo}.salespersonCode`,
          rule: "salesperson_set",
          message: expect.stringMatching(/no salesperson/),
        }),
      ),
    );
    await nothingWritten("SP1", ["KT11", "KT12"]);
  });

  it("log-check reports them as one group with a hint", async () => {
    await make("SP2", ["KT11", "KT12", "KT13"]);
    const res = await api.call("POST", "/api/segments/SP2/log-check");
    expect(res.status).toBe(200);
    expect(res.json.groups).toEqual([
      expect.objectContaining({
        rule: "salesperson_set",
        count: 3,
        hint: expect.stringMatching(/salesperson/i),
      }),
    ]);
    expect(
      (res.json.problems as { rule: string; field: string }[]).map((p) => [p.rule, p.field]),
    ).toEqual(Array(3).fill(["salesperson_set", "salespersonCode"]));
  });

  it("refuses a salesperson that no longer exists", async () => {
    const segment = await make("SP3", ["KT11"], { salespersonCode: "GONE" });
    expect((await api.call("DELETE", "/api/salespeople/GONE")).status).toBe(204);
    const res = await log("SP3", segment.etag);
    expect(res.status).toBe(422);
    expect(res.json.errors).toEqual([
      expect.objectContaining({
        rule: "salesperson_set",
        message: expect.stringMatching(/salesperson GONE does not exist/),
      }),
    ]);
    await nothingWritten("SP3", ["KT11"]);
  });

  it("logs a line whose contact has a salesperson, and the line's own beside the segment's", async () => {
    // No salesperson on the segment: Dan's line takes his (JO), Anna's is given one by hand.
    await make("SP4", ["KT11", "KT14"]);
    const lines = await linesOf("SP4");
    const dan = lines.find((l) => l.contactNo === "KT14");
    const anna = lines.find((l) => l.contactNo === "KT11");
    expect(dan?.salespersonCode).toBe("JO");
    expect(
      (await log("SP4", (await api.call("GET", "/api/segments/SP4")).json.etag)).json.errors,
    ).toEqual([expect.objectContaining({ field: `lines.${anna?.lineNo}.salespersonCode` })]);
    const patched = await api.call("PATCH", `/api/segments/SP4/lines/${anna?.lineNo}`, {
      body: { salespersonCode: "JO" },
      ifMatch: anna?.etag,
    });
    expect(patched.status).toBe(200);
    const res = await log("SP4", (await api.call("GET", "/api/segments/SP4")).json.etag);
    expect(res.status).toBe(200);
    const entries = (
      await api.call("GET", `/api/logged-segments/${res.json.loggedSegment.entryNo}/entries`)
    ).json.items as { salespersonCode?: string }[];
    expect(entries.map((e) => e.salespersonCode)).toEqual(["JO", "JO"]);
  });
});
