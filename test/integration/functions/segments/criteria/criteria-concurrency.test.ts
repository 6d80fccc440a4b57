import { Problem } from "@shared/model/problem";
import type { ApiHarness, CallResult } from "../../../harness/api-harness";
import { field, startCriteriaApi } from "./criteria-fixture";

/**
 * Two busy colleagues on one segment: requests really sent at once (Promise.all over the API),
 * one criteria action at a time per segment, the others refused with 409 and nothing written.
 */
let api: ApiHarness;
const tenant = "busy-tenant";
const contacts = 300;
const names: Readonly<Record<string, string>> = {
  alice: "Alice Jensen",
  bob: "Bob Nielsen",
  carol: "Carol Hansen",
  dave: "Dave Larsen",
};
const as = (user: string) => ({ tenant, user, displayName: names[user] ?? user });

const csv = () => {
  const rows = ["No.;Type;Name;City"];
  for (let i = 1; i <= contacts; i++)
    rows.push(
      `KB${String(i).padStart(4, "0")};Person;Kontakt ${i};${i % 2 ? "Aarhus C" : "Vejle"}`,
    );
  return `${rows.join("\r\n")}\r\n`;
};

beforeAll(async () => {
  api = await startCriteriaApi();
  const imported = await api.call("POST", "/api/contacts/import", {
    ...as("alice"),
    rawBody: { contentType: "text/csv", text: csv() },
  });
  if (imported.status !== 200) throw new Error(imported.text);
});
afterAll(() => api.close());

let n = 0;
const segment = async () => {
  const no = `BUSY${++n}`;
  const res = await api.call("POST", "/api/segments", { ...as("alice"), body: { no } });
  expect(res.status).toBe(201);
  return no;
};
const addAll = (no: string, user: string) =>
  api.call("POST", `/api/segments/${no}/add-contacts`, {
    ...as(user),
    body: { filter: field("type", "eq", "person") },
  });

const linesOf = async (no: string): Promise<string[]> => {
  const items: string[] = [];
  let token: string | undefined;
  do {
    const res = await api.call(
      "GET",
      `/api/segments/${no}/lines?top=500${token ? `&continuationToken=${encodeURIComponent(token)}` : ""}`,
      as("alice"),
    );
    items.push(...(res.json.items as { contactNo: string }[]).map((l) => l.contactNo));
    token = res.json.continuationToken;
  } while (token);
  return items;
};
const actionsOf = async (no: string) =>
  (await api.call("GET", `/api/segments/${no}/criteria-actions`, as("alice"))).json.items as {
    kind: string;
    status: string;
  }[];

const iso = "\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z";
const busy = new RegExp(
  `^Segment BUSY\\d+ is busy: [A-Z][a-z]+ [A-Z][a-z]+ is [a-z ]+ since ${iso}; the lease ends at ${iso}; try again\\.$`,
);
/** The loser's 409, read through the contract as the pane reads it: who, doing what, until when. */
const expectRefusedBusy = (res: CallResult<{ detail: string }>) => {
  expect(res.status).toBe(409);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  expect(res.json.detail).toMatch(busy);
  const problem = Problem.parse(res.json);
  expect(problem.errors).toEqual([
    expect.objectContaining({ in: "path", field: "no", rule: "segment_busy" }),
  ]);
  const facts = problem.errors?.[0]?.busy;
  if (!facts) throw new Error(`no busy facts in ${res.text}`);
  expect(Object.values(names)).toContain(facts.holder);
  expect(Date.parse(facts.leaseUntil)).toBeGreaterThan(Date.parse(facts.since));
  return facts;
};

describe("one criteria action at a time per segment", () => {
  it("4 identical Add Contacts at once give each contact once", async () => {
    const no = await segment();
    const answers = await Promise.all(
      ["alice", "bob", "carol", "dave"].map((user) => addAll(no, user)),
    );
    const lines = await linesOf(no);
    expect(new Set(lines).size).toBe(contacts);
    expect(lines).toHaveLength(contacts);
    const won = answers.filter((a) => a.status === 200);
    expect(won).toHaveLength(1);
    for (const lost of answers.filter((a) => a.status !== 200)) expectRefusedBusy(lost);
    expect(await actionsOf(no)).toEqual([
      expect.objectContaining({ kind: "addContacts", status: "applied" }),
    ]);
    expect((await api.call("GET", `/api/segments/${no}`, as("alice"))).json.noOfLines).toBe(
      contacts,
    );
  });

  it("two different actions at once: one wins, the other is refused naming who does what, and writes nothing", async () => {
    const no = await segment();
    expect((await addAll(no, "alice")).status).toBe(200);
    const [reduce, add] = await Promise.all([
      api.call("POST", `/api/segments/${no}/reduce-contacts`, {
        ...as("bob"),
        body: { filter: field("city", "eq", "Vejle") },
      }),
      api.call("POST", `/api/segments/${no}/add-contacts`, {
        ...as("carol"),
        body: { filter: field("city", "eq", "Vejle"), options: { allowExistingContacts: true } },
      }),
    ]);
    expect([reduce.status, add.status].sort()).toEqual([200, 409]);
    const [winner, loser] = reduce.status === 200 ? [reduce, add] : [add, reduce];
    const facts = expectRefusedBusy(loser);
    expect(loser.json.detail).toMatch(
      reduce.status === 200
        ? /: Bob Nielsen is reducing contacts since /
        : /: Carol Hansen is adding contacts since /,
    );
    expect(facts).toMatchObject(
      reduce.status === 200
        ? { holder: "Bob Nielsen", operation: "reduceContacts", byYou: false }
        : { holder: "Carol Hansen", operation: "addContacts", byYou: false },
    );
    const actions = await actionsOf(no);
    expect(actions.map((a) => a.kind)).toEqual([
      "addContacts",
      reduce.status === 200 ? "reduceContacts" : "addContacts",
    ]);
    expect(actions.every((a) => a.status === "applied")).toBe(true);
    const lines = await linesOf(no);
    expect(lines).toHaveLength(
      reduce.status === 200 ? contacts / 2 : contacts + winner.json.linesAdded,
    );
  });

  it("the same marketer in two windows at once is told the other window is theirs", async () => {
    const no = await segment();
    const answers = await Promise.all([addAll(no, "alice"), addAll(no, "alice")]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const lost = answers.find((a) => a.status === 409);
    if (!lost) throw new Error("no 409");
    expect(expectRefusedBusy(lost)).toMatchObject({
      holder: "Alice Jensen",
      byYou: true,
      operation: "addContacts",
    });
  });

  it("one contact added by hand twice at once is on the segment once", async () => {
    const no = await segment();
    const answers = await Promise.all(
      ["alice", "bob"].map((user) =>
        api.call("POST", `/api/segments/${no}/lines`, {
          ...as(user),
          body: { contactNo: "KB0001" },
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(await linesOf(no)).toEqual(["KB0001"]);
  });

  it("Go Back and an Add at once: one of them, whole", async () => {
    const no = await segment();
    await api.call("POST", `/api/segments/${no}/add-contacts`, {
      ...as("alice"),
      body: { filter: field("city", "eq", "Vejle") },
    });
    const [back, add] = await Promise.all([
      api.call("POST", `/api/segments/${no}/go-back`, { ...as("bob"), body: {} }),
      api.call("POST", `/api/segments/${no}/add-contacts`, {
        ...as("carol"),
        body: { filter: field("city", "eq", "Aarhus C") },
      }),
    ]);
    expect([back.status, add.status].sort()).toEqual([200, 409]);
    // Go Back first: the Vejle half is gone; the Add first: both halves are on the segment.
    const expected = back.status === 200 ? 0 : contacts;
    const lines = await linesOf(no);
    expect(lines).toHaveLength(expected);
    expect(new Set(lines).size).toBe(expected);
    expect(await actionsOf(no)).toHaveLength(back.status === 200 ? 0 : 2);
  });

  it("a header change and an Add at once: every line carries the header's description", async () => {
    const no = await segment();
    const header = await api.call("PATCH", `/api/segments/${no}`, {
      ...as("alice"),
      body: { description: "Gammel" },
      ifMatch: (await api.call("GET", `/api/segments/${no}`, as("alice"))).json.etag,
    });
    const [patch, add] = await Promise.all([
      api.call("PATCH", `/api/segments/${no}`, {
        ...as("bob"),
        body: { description: "Ny" },
        ifMatch: header.json.etag,
      }),
      addAll(no, "carol"),
    ]);
    // A header change queues behind an Add; an Add finding the segment taken is refused.
    expect(patch.status).toBe(200);
    if (add.status !== 200) expectRefusedBusy(add);
    const now = (await api.call("GET", `/api/segments/${no}`, as("alice"))).json;
    const descriptions = new Set<string>();
    let token: string | undefined;
    do {
      const page = await api.call(
        "GET",
        `/api/segments/${no}/lines?top=500${token ? `&continuationToken=${encodeURIComponent(token)}` : ""}`,
        as("alice"),
      );
      for (const line of page.json.items as { description?: string }[])
        descriptions.add(line.description ?? "");
      token = page.json.continuationToken;
    } while (token);
    expect(now.description).toBe("Ny");
    expect([...descriptions]).toEqual(add.status === 200 ? ["Ny"] : []);
  });
});
