import type { ApiHarness } from "../../../harness/api-harness";
import { field, lineContacts, startCriteriaApi } from "./criteria-fixture";

let api: ApiHarness;
let n = 0;
/** A fresh segment per test, so that each expectation is checked by hand against the fixture. */
const segment = async (extra: object = {}) => {
  const no = `SEGC${++n}`;
  expect((await api.call("POST", "/api/segments", { body: { no, ...extra } })).status).toBe(201);
  return no;
};
const act = async (
  no: string,
  kind: "add" | "reduce" | "refine",
  filter: object,
  options: object = {},
  dryRun = false,
) => {
  const res = await api.call("POST", `/api/segments/${no}/${kind}-contacts`, {
    body: { filter, options, dryRun },
  });
  if (res.status !== 200) throw new Error(`${kind}: ${res.status} ${res.text}`);
  return res.json;
};
const goBack = async (no: string) => {
  const res = await api.call("POST", `/api/segments/${no}/go-back`, { body: {} });
  if (res.status !== 200) throw new Error(`go back: ${res.status} ${res.text}`);
  return res.json;
};

beforeAll(async () => {
  api = await startCriteriaApi();
});
afterAll(() => api.close());

describe("Add Contacts", () => {
  it("adds the matches and skips contacts excluded from segments", async () => {
    const no = await segment();
    const out = await act(no, "add", field("city", "eq", "aarhus c"));
    expect(out).toMatchObject({ dryRun: false, linesAdded: 3, noOfLines: 3 });
    expect(out.action).toMatchObject({
      no: 1,
      kind: "addContacts",
      status: "applied",
      linesAdded: 3,
    });
    expect(await lineContacts(api, no)).toEqual(["KT1", "KT11", "KT12"]);
  });

  it("Ignore Exclusion lets excluded contacts in", async () => {
    const no = await segment();
    await act(no, "add", field("city", "eq", "Aarhus C"), { ignoreExclusion: true });
    expect(await lineContacts(api, no)).toEqual(["KT1", "KT11", "KT12", "KT99"]);
  });

  it("matches industry groups through the contact's company", async () => {
    const no = await segment();
    await act(no, "add", { kind: "list", list: "industryGroups", match: "any", codes: ["IT"] });
    expect(await lineContacts(api, no)).toEqual(["KT2", "KT21"]);
  });

  it("Expand Companies brings every person of a matched company", async () => {
    const no = await segment();
    await act(
      no,
      "add",
      field("no", "in", undefined) && {
        kind: "field",
        field: "no",
        op: "in",
        values: ["KT1", "KT3"],
      },
      {
        expandCompanies: true,
      },
    );
    // KT3 and its person KT31: the company is excluded, its person is not.
    expect(await lineContacts(api, no)).toEqual(["KT1", "KT11", "KT12", "KT31"]);
  });

  it("Expand Companies brings the company of a matched person and all its persons (BC)", async () => {
    const no = await segment();
    const kt11 = field("no", "eq", "KT11");
    const dry = await act(no, "add", kt11, { expandCompanies: true }, true);
    expect(dry).toEqual({ dryRun: true, linesAdded: 3, linesRemoved: 0, noOfLines: 3 });
    const out = await act(no, "add", kt11, { expandCompanies: true });
    expect(out.linesAdded).toBe(dry.linesAdded);
    expect(await lineContacts(api, no)).toEqual(["KT1", "KT11", "KT12"]);
    // Each line brought along says whom it came with: Anna, who matched.
    for (const contactNo of ["KT1", "KT12"]) {
      const line = (await api.call("GET", `/api/segments/${no}/lines?contactNo=${contactNo}`)).json
        .items[0];
      const why = (await api.call("GET", `/api/segments/${no}/lines/${line.lineNo}/explain`)).json;
      expect(why).toMatchObject({
        via: "expandedCompany",
        viaContactNo: "KT11",
        stillMatches: true,
      });
    }
    // A person without a company brings nobody; an excluded company still stays out.
    await act(
      no,
      "add",
      { kind: "field", field: "no", op: "in", values: ["KT98", "KT31"] },
      {
        expandCompanies: true,
      },
    );
    expect(await lineContacts(api, no)).toEqual(["KT1", "KT11", "KT12", "KT31", "KT98"]);
    await goBack(no);
    expect(await lineContacts(api, no)).toEqual(["KT1", "KT11", "KT12"]);
    await goBack(no);
    expect(await lineContacts(api, no)).toEqual([]);
  });

  it("Allow Related Companies brings a matched person's company", async () => {
    const no = await segment();
    await act(no, "add", field("no", "eq", "KT21"), { allowRelatedCompanies: true });
    expect(await lineContacts(api, no)).toEqual(["KT2", "KT21"]);
  });

  it("skips contacts already on a line unless Allow Existing Contacts", async () => {
    const no = await segment();
    await act(no, "add", field("city", "eq", "Aarhus C"));
    const again = await act(no, "add", field("postCode", "eq", "8000"));
    expect(again.linesAdded).toBe(0);
    const doubled = await act(no, "add", field("no", "eq", "KT11"), {
      allowExistingContacts: true,
    });
    expect(doubled.linesAdded).toBe(1);
    expect(await lineContacts(api, no)).toEqual(["KT1", "KT11", "KT11", "KT12"]);
  });

  it("takes ? as exactly one character, as Business Central does", async () => {
    const no = await segment();
    const filter = { kind: "field", field: "no", filter: "KT?1|KT9?" };
    const dry = await act(no, "add", filter, { ignoreExclusion: true }, true);
    await act(no, "add", filter, { ignoreExclusion: true });
    expect(await lineContacts(api, no)).toEqual(["KT11", "KT21", "KT31", "KT98", "KT99"]);
    expect(dry.linesAdded).toBe(5);
  });

  it("takes Business Central filter strings and nested AND/OR/NOT", async () => {
    const no = await segment();
    await act(no, "add", {
      kind: "and",
      items: [
        { kind: "field", field: "postCode", filter: "5000..8000" },
        { kind: "not", item: { kind: "field", field: "name", filter: "A*" } },
        {
          kind: "or",
          items: [field("type", "eq", "person"), field("city", "startsWith", "ODENSE")],
        },
      ],
    });
    // 5000..8000: KT1 KT11 KT12 KT2 KT21 (KT98 7100 too); not "A*": drops KT1, KT11; persons or Odense.
    expect(await lineContacts(api, no)).toEqual(["KT12", "KT2", "KT21", "KT98"]);
  });
});

describe("Reduce and Refine Contacts", () => {
  it("Reduce removes the matching lines", async () => {
    const no = await segment();
    await act(no, "add", field("type", "eq", "person"));
    expect(await lineContacts(api, no)).toEqual(["KT11", "KT12", "KT21", "KT31", "KT98"]);
    const out = await act(no, "reduce", {
      kind: "list",
      list: "jobResponsibilities",
      codes: ["IT"],
    });
    expect(out.linesRemoved).toBe(2);
    expect(await lineContacts(api, no)).toEqual(["KT11", "KT31", "KT98"]);
  });

  it("Reduce with Entire Companies removes the whole company of a match", async () => {
    const no = await segment();
    await act(no, "add", field("postCode", "le", "8000"));
    expect(await lineContacts(api, no)).toEqual(["KT1", "KT11", "KT12", "KT2", "KT21", "KT98"]);
    await act(no, "reduce", field("no", "eq", "KT12"), { entireCompanies: true });
    expect(await lineContacts(api, no)).toEqual(["KT2", "KT21", "KT98"]);
  });

  it("Refine keeps the matching lines and removes the rest", async () => {
    const no = await segment();
    await act(no, "add", field("type", "eq", "person"));
    const out = await act(no, "refine", {
      kind: "field",
      field: "postCode",
      filter: "8000..8999|5000",
    });
    expect(out.linesRemoved).toBe(2);
    expect(await lineContacts(api, no)).toEqual(["KT11", "KT12", "KT21"]);
  });

  it("Refine with Entire Companies keeps every line of a company with a match", async () => {
    const no = await segment();
    await act(no, "add", field("postCode", "le", "8000"));
    await act(
      no,
      "refine",
      { kind: "field", field: "email", op: "notEmpty" },
      { entireCompanies: true },
    );
    // Anna and Carl have e-mail: their companies stay whole; Finn goes.
    expect(await lineContacts(api, no)).toEqual(["KT1", "KT11", "KT12", "KT2", "KT21"]);
  });
});

describe("live count", () => {
  it("a dry run answers what the action would do and changes nothing", async () => {
    const no = await segment();
    await act(no, "add", field("no", "eq", "KT11"));
    const dry = await act(no, "add", field("city", "eq", "Aarhus C"), {}, true);
    expect(dry).toEqual({ dryRun: true, linesAdded: 2, linesRemoved: 0, noOfLines: 3 });
    const dryExpand = await act(
      no,
      "add",
      field("no", "eq", "KT2"),
      { expandCompanies: true },
      true,
    );
    expect(dryExpand.linesAdded).toBe(2);
    const dryRefine = await act(no, "refine", field("city", "eq", "Odense C"), {}, true);
    expect(dryRefine).toMatchObject({ linesRemoved: 1, noOfLines: 0 });
    expect(await lineContacts(api, no)).toEqual(["KT11"]);
    expect((await api.call("GET", `/api/segments/${no}/criteria-actions`)).json.items).toHaveLength(
      1,
    );
    const real = await act(no, "add", field("city", "eq", "Aarhus C"));
    expect(real.linesAdded).toBe(dry.linesAdded);
  });
});

describe("Go Back", () => {
  it("undoes each kind of action exactly, back to an empty segment", async () => {
    const no = await segment();
    const snapshots: string[][] = [await lineContacts(api, no)];
    await act(no, "add", field("city", "eq", "Aarhus C"));
    snapshots.push(await lineContacts(api, no));
    await act(no, "add", field("no", "eq", "KT2"), { expandCompanies: true });
    snapshots.push(await lineContacts(api, no));
    // A personal note on Bo's line must come back with the line.
    const bo = (await api.call("GET", `/api/segments/${no}/lines?contactNo=KT12`)).json.items[0];
    await api.call("PATCH", `/api/segments/${no}/lines/${bo.lineNo}`, {
      body: { note: "Ring tirsdag" },
      ifMatch: bo.etag,
    });
    await act(no, "reduce", { kind: "list", list: "jobResponsibilities", codes: ["IT"] });
    snapshots.push(await lineContacts(api, no));
    await act(no, "refine", field("type", "eq", "company"));
    snapshots.push(await lineContacts(api, no));
    const manual = await api.call("POST", `/api/segments/${no}/lines`, {
      body: { contactNo: "KT98" },
    });
    expect(manual.status).toBe(201);
    snapshots.push(await lineContacts(api, no));
    expect(snapshots.at(-1)).toEqual(["KT1", "KT2", "KT98"]);
    const kt1 = (await api.call("GET", `/api/segments/${no}/lines?contactNo=KT1`)).json.items[0];
    expect((await api.call("DELETE", `/api/segments/${no}/lines/${kt1.lineNo}`)).status).toBe(204);
    expect(await lineContacts(api, no)).toEqual(["KT2", "KT98"]);

    const kinds = (await api.call("GET", `/api/segments/${no}/criteria-actions`)).json.items.map(
      (a: { kind: string }) => a.kind,
    );
    expect(kinds).toEqual([
      "addContacts",
      "addContacts",
      "reduceContacts",
      "refineContacts",
      "manualAdd",
      "manualRemove",
    ]);

    for (let i = snapshots.length - 1; i >= 0; i--) {
      await goBack(no);
      expect(await lineContacts(api, no)).toEqual(snapshots[i]);
    }
    const restored = (await api.call("GET", `/api/segments/${no}/lines?contactNo=KT12`)).json.items;
    expect(restored).toEqual([]);
    const none = await api.call("POST", `/api/segments/${no}/go-back`, { body: {} });
    expect(none.status).toBe(409);
    expect((await api.call("GET", `/api/segments/${no}`)).json).toMatchObject({
      noOfLines: 0,
      noOfCriteriaActions: 0,
    });
  });

  it("brings removed lines back with their per-line edits", async () => {
    const no = await segment();
    await act(no, "add", field("city", "eq", "Aarhus C"));
    const bo = (await api.call("GET", `/api/segments/${no}/lines?contactNo=KT12`)).json.items[0];
    await api.call("PATCH", `/api/segments/${no}/lines/${bo.lineNo}`, {
      body: { note: "Ring tirsdag", evaluation: "positive" },
      ifMatch: bo.etag,
    });
    await act(no, "reduce", field("no", "eq", "KT12"));
    expect((await api.call("GET", `/api/segments/${no}/lines/${bo.lineNo}`)).status).toBe(404);
    const undone = await goBack(no);
    expect(undone).toMatchObject({ linesRestored: 1, linesDeleted: 0, noOfLines: 3 });
    const back = await api.call("GET", `/api/segments/${no}/lines/${bo.lineNo}`);
    expect(back.json).toMatchObject({
      contactNo: "KT12",
      note: "Ring tirsdag",
      evaluation: "positive",
      lineNo: bo.lineNo,
    });
  });

  it("refuses to undo an action other than the one the user saw last", async () => {
    const no = await segment();
    const first = await act(no, "add", field("no", "eq", "KT1"));
    await act(no, "add", field("no", "eq", "KT2"));
    const stale = await api.call("POST", `/api/segments/${no}/go-back`, {
      body: { actionNo: first.action.no },
    });
    expect(stale.status).toBe(409);
    expect(await lineContacts(api, no)).toEqual(["KT1", "KT2"]);
  });
});
