import { asTenantId } from "../../../../../functions/store/tenant";
import type { ApiHarness } from "../../../harness/api-harness";
import { field, lineContacts, startCriteriaApi } from "./criteria-fixture";

let api: ApiHarness;
beforeAll(async () => {
  api = await startCriteriaApi();
});
afterAll(() => api.close());

const post = async (path: string, body: object, expected = 200) => {
  const res = await api.call("POST", path, { body });
  if (res.status !== expected) throw new Error(`${path}: ${res.status} ${res.text}`);
  return res.json;
};

/** Writes interaction log entries straight into the store, as Log will. */
const logEntries = async (
  entries: {
    contactNo: string;
    entryNo: number;
    date: string;
    loggedSegmentEntryNo?: number;
    interactionTemplateCode?: string;
  }[],
) => {
  const tenant = asTenantId("tenant-a");
  for (const e of entries) {
    await api.deps.store.interactions.entries.create(
      tenant,
      api.deps.store.interactions.entryKey(e.contactNo, e.entryNo),
      {
        ...e,
        contactName: e.contactNo,
        timeOfInteraction: `${e.date}T10:00:00Z`,
        description: "Brev",
        cost: 0,
        duration: 0,
        campaignTarget: false,
        campaignResponse: false,
        userId: "test",
        deliveryStatus: "none",
        canceled: false,
      },
    );
  }
};

describe("Save Criteria and Reuse Criteria", () => {
  it("replays the saved steps on another segment with the same result", async () => {
    await post("/api/segments", { no: "SRC" }, 201);
    await post("/api/segments/SRC/add-contacts", {
      filter: field("postCode", "le", "8000"),
      options: { expandCompanies: true },
    });
    await post("/api/segments/SRC/reduce-contacts", {
      filter: { kind: "list", list: "jobResponsibilities", codes: ["IT"] },
    });
    await post("/api/segments/SRC/lines", { contactNo: "KT31" }, 201);
    const saved = await post(
      "/api/segments/SRC/save-criteria",
      { code: "AARHUS-ODENSE", description: "Aarhus og Odense uden IT" },
      201,
    );
    // The manual add is not criteria and is not saved.
    expect(saved.steps.map((s: { kind: string }) => s.kind)).toEqual([
      "addContacts",
      "reduceContacts",
    ]);
    expect((await api.call("GET", "/api/saved-criteria/AARHUS-ODENSE")).json.description).toBe(
      "Aarhus og Odense uden IT",
    );

    await post("/api/segments", { no: "DST" }, 201);
    const dry = await post("/api/segments/DST/reuse-criteria", {
      code: "AARHUS-ODENSE",
      dryRun: true,
    });
    expect(
      dry.steps.map((s: { linesAdded: number; linesRemoved: number }) => [
        s.linesAdded,
        s.linesRemoved,
      ]),
    ).toEqual([
      [6, 0],
      [0, 2],
    ]);
    expect(await lineContacts(api, "DST")).toEqual([]);
    const out = await post("/api/segments/DST/reuse-criteria", { code: "AARHUS-ODENSE" });
    expect(out.noOfLines).toBe(4);
    expect(await lineContacts(api, "DST")).toEqual(["KT1", "KT11", "KT2", "KT98"]);
    const actions = (await api.call("GET", "/api/segments/DST/criteria-actions")).json.items;
    expect(
      actions.map((a: { source?: { savedCriteriaCode?: string } }) => a.source?.savedCriteriaCode),
    ).toEqual(["AARHUS-ODENSE", "AARHUS-ODENSE"]);
  });

  it("asks for confirmation on a segment that already has criteria", async () => {
    const res = await api.call("POST", "/api/segments/DST/reuse-criteria", {
      body: { code: "AARHUS-ODENSE" },
    });
    expect(res.status).toBe(409);
    expect(res.json.detail).toMatch(/confirm/);
    const confirmed = await post("/api/segments/DST/reuse-criteria", {
      code: "AARHUS-ODENSE",
      confirm: true,
    });
    expect(confirmed.steps).toHaveLength(2);
  });

  it("refuses to save an empty set of criteria and unknown saved criteria", async () => {
    await post("/api/segments", { no: "EMPTY" }, 201);
    expect(
      (await api.call("POST", "/api/segments/EMPTY/save-criteria", { body: { code: "NONE" } }))
        .status,
    ).toBe(409);
    const unknown = await api.call("POST", "/api/segments/EMPTY/reuse-criteria", {
      body: { code: "NOPE" },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.json.errors[0]).toMatchObject({ field: "code", rule: "exists" });
  });
});

describe("interaction history, membership and Reuse Segment", () => {
  beforeAll(async () => {
    await logEntries([
      {
        contactNo: "KT11",
        entryNo: 1,
        date: "2026-10-01",
        loggedSegmentEntryNo: 7,
        interactionTemplateCode: "LETTER",
      },
      {
        contactNo: "KT21",
        entryNo: 2,
        date: "2025-01-15",
        loggedSegmentEntryNo: 7,
        interactionTemplateCode: "LETTER",
      },
      { contactNo: "KT98", entryNo: 3, date: "2026-11-01", interactionTemplateCode: "EMAIL" },
    ]);
  });

  it("adds contacts with, and without, interactions in a date range", async () => {
    await post("/api/segments", { no: "INT1" }, 201);
    await post("/api/segments/INT1/add-contacts", {
      filter: { kind: "interactions", from: "2026-01-01", to: "2026-12-31" },
    });
    expect(await lineContacts(api, "INT1")).toEqual(["KT11", "KT98"]);
    await post("/api/segments", { no: "INT2" }, 201);
    await post("/api/segments/INT2/add-contacts", {
      filter: {
        kind: "and",
        items: [
          field("type", "eq", "person"),
          { kind: "interactions", has: false, interactionTemplateCode: "LETTER" },
        ],
      },
    });
    expect(await lineContacts(api, "INT2")).toEqual(["KT12", "KT31", "KT98"]);
  });

  it("Reuse Segment starts from the contacts of a logged segment", async () => {
    await post("/api/segments", { no: "REUSE" }, 201);
    const out = await post("/api/segments/REUSE/reuse-segment", { loggedSegmentEntryNo: 7 });
    expect(out.action).toMatchObject({ kind: "reuseSegment", source: { loggedSegmentEntryNo: 7 } });
    expect(await lineContacts(api, "REUSE")).toEqual(["KT11", "KT21"]);
    const missing = await api.call("POST", "/api/segments/REUSE/reuse-segment", {
      body: { loggedSegmentEntryNo: 99 },
    });
    expect(missing.status).toBe(422);
  });

  it("filters on membership of another segment, and refuses a cycle", async () => {
    await post("/api/segments", { no: "MEM-A" }, 201);
    await post("/api/segments/MEM-A/add-contacts", { filter: field("city", "eq", "Odense C") });
    await post("/api/segments", { no: "MEM-B" }, 201);
    await post("/api/segments/MEM-B/add-contacts", { filter: field("type", "eq", "person") });
    await post("/api/segments/MEM-B/reduce-contacts", {
      filter: { kind: "segment", segmentNo: "MEM-A" },
    });
    expect(await lineContacts(api, "MEM-B")).toEqual(["KT11", "KT12", "KT31", "KT98"]);
    const cycle = await api.call("POST", "/api/segments/MEM-A/add-contacts", {
      body: { filter: { kind: "segment", segmentNo: "MEM-B" } },
    });
    expect(cycle.status).toBe(422);
    expect(cycle.json.errors[0]).toMatchObject({ field: "filter", rule: "cycle" });
    expect(cycle.json.errors[0].message).toContain("MEM-A → MEM-B → MEM-A");
    const self = await api.call("POST", "/api/segments/MEM-A/add-contacts", {
      body: { filter: { kind: "segment", segmentNo: "MEM-A" } },
    });
    expect(self.status).toBe(422);
    expect(await lineContacts(api, "MEM-A")).toEqual(["KT2", "KT21"]);
  });
});

describe("Explain", () => {
  it("names the action and the conditions a contact matched, and how a companion came", async () => {
    await post("/api/segments", { no: "EXPL" }, 201);
    await post("/api/segments/EXPL/add-contacts", {
      filter: {
        kind: "and",
        items: [field("city", "eq", "Odense C"), field("type", "eq", "company")],
      },
      options: { expandCompanies: true },
    });
    const lines = (await api.call("GET", "/api/segments/EXPL/lines")).json.items as {
      lineNo: number;
      contactNo: string;
    }[];
    const company = lines.find((l) => l.contactNo === "KT2");
    const person = lines.find((l) => l.contactNo === "KT21");
    const why = (await api.call("GET", `/api/segments/EXPL/lines/${company?.lineNo}/explain`)).json;
    expect(why).toMatchObject({
      contactNo: "KT2",
      via: "criteria",
      stillMatches: true,
      action: { no: 1, kind: "addContacts" },
    });
    expect(why.reasons).toMatchObject({
      kind: "and",
      matched: true,
      items: [
        { matched: true, condition: { field: "city", value: "Odense C" } },
        { matched: true, condition: { field: "type", value: "company" } },
      ],
    });
    const came = (await api.call("GET", `/api/segments/EXPL/lines/${person?.lineNo}/explain`)).json;
    expect(came).toMatchObject({ contactNo: "KT21", via: "expandedCompany", viaContactNo: "KT2" });
    const manual = await post("/api/segments/EXPL/lines", { contactNo: "KT98" }, 201);
    const byHand = (await api.call("GET", `/api/segments/EXPL/lines/${manual.lineNo}/explain`))
      .json;
    expect(byHand).toMatchObject({ via: "manual" });
    expect(byHand).not.toHaveProperty("reasons");
    expect((await api.call("GET", "/api/segments/EXPL/lines/999999/explain")).status).toBe(404);
  });
});

describe("dynamic segments", () => {
  it("Refresh shows what changed since, applies it on request, and Go Back undoes it", async () => {
    await post("/api/segments", { no: "DYN", dynamic: true }, 201);
    await post("/api/segments/DYN/add-contacts", { filter: field("city", "eq", "Aarhus C") });
    expect(await lineContacts(api, "DYN")).toEqual(["KT1", "KT11", "KT12"]);
    // Carl moves to Aarhus, Bo moves away.
    for (const [no, city] of [
      ["KT21", "Aarhus C"],
      ["KT12", "Randers"],
    ]) {
      const c = await api.call("GET", `/api/contacts/${no}`);
      await api.call("PATCH", `/api/contacts/${no}`, { body: { city }, ifMatch: c.json.etag });
    }
    const preview = await post("/api/segments/DYN/refresh", {});
    expect(preview).toMatchObject({ applied: false, noOfLines: 3 });
    expect(preview.toAdd).toEqual([{ contactNo: "KT21", name: "Carl Clausen" }]);
    expect(preview.toRemove.map((r: { contactNo: string }) => r.contactNo)).toEqual(["KT12"]);
    expect(await lineContacts(api, "DYN")).toEqual(["KT1", "KT11", "KT12"]);
    const applied = await post("/api/segments/DYN/refresh", { apply: true });
    expect(applied).toMatchObject({ applied: true, noOfLines: 3, action: { kind: "refresh" } });
    expect(await lineContacts(api, "DYN")).toEqual(["KT1", "KT11", "KT21"]);
    expect((await post("/api/segments/DYN/refresh", {})).toAdd).toEqual([]);
    await post("/api/segments/DYN/go-back", {});
    expect(await lineContacts(api, "DYN")).toEqual(["KT1", "KT11", "KT12"]);
    for (const [no, city] of [
      ["KT21", "Odense C"],
      ["KT12", "Aarhus C"],
    ]) {
      const c = await api.call("GET", `/api/contacts/${no}`);
      await api.call("PATCH", `/api/contacts/${no}`, { body: { city }, ifMatch: c.json.etag });
    }
  });

  it("refuses to refresh a static segment", async () => {
    await post("/api/segments", { no: "STATIC" }, 201);
    expect((await api.call("POST", "/api/segments/STATIC/refresh", { body: {} })).status).toBe(409);
  });
});
