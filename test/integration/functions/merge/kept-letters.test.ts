/**
 * Letters kept for the record (merge with `keep`) and a contact's own letter change the lines,
 * so they hold the segment like every other change of them: never on a logged segment, never
 * while someone else holds it, and a repeat lets go of the letters it replaced.
 */
import { startApi, type ApiHarness } from "../../harness/api-harness";
import { buildDocx, control, p, t } from "../../../unit/shared/merge/docx-builder";
import { asTenantId } from "../../../../functions/store/tenant";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const tenant = asTenantId("tenant-a");
let api: ApiHarness;
const letter = Buffer.from(buildDocx({ body: p(t("Kære "), control("Name"), t(",")) })).toString(
  "base64",
);

const blobs = async (folder: string): Promise<string[]> => {
  const names: string[] = [];
  for await (const blob of api.deps.blobs?.listBlobsFlat({ prefix: `tenant-a/${folder}/` }) ?? [])
    names.push(blob.name);
  return names.sort();
};

const segment = async (no: string) => {
  const created = await api.call("POST", "/api/segments", {
    body: { no, description: "Brev", interactionTemplateCode: "LETTER", salespersonCode: "JO" },
  });
  if (created.status !== 201) throw new Error(created.text);
  for (const contactNo of ["KT1", "KT2", "KT3"]) {
    const res = await api.call("POST", `/api/segments/${no}/lines`, { body: { contactNo } });
    if (res.status !== 201) throw new Error(res.text);
  }
};

const keep = (no: string) =>
  api.call("POST", `/api/segments/${no}/merge`, {
    body: { output: "perContact", keep: true, template: { documentBase64: letter } },
  });

/** The segment held as another user's request in another process would hold it. */
const holdAsBob = (no: string) =>
  api.deps.store.segments.locks.acquire(
    tenant,
    no,
    {
      userId: "bob@a.example",
      userName: "Bob",
      operation: "addContacts",
      since: new Date().toISOString(),
      leaseUntil: new Date(Date.now() + 10 * 60_000).toISOString(),
    },
    new Date(),
  );

beforeAll(async () => {
  api = await startApi({}, undefined, { blobs: true });
  await api.call("POST", "/api/interaction-templates", {
    body: { code: "LETTER", description: "Brev" },
  });
  await api.call("POST", "/api/salespeople", { body: { code: "JO", name: "Jonas Olsen" } });
  for (const [no, name] of [
    ["KT1", "Anna Holm"],
    ["KT2", "Bo Berg"],
    ["KT3", "Cai Ek"],
  ])
    await api.call("POST", "/api/contacts", { body: { no, type: "person", name } });
});
afterAll(() => api.close());

describe("letters kept for the record", () => {
  it("a second merge with keep replaces the first's letters and lets go of them", async () => {
    await segment("K1");
    expect((await keep("K1")).json.status).toBe("done");
    const first = await blobs("merged/K1");
    expect(first).toHaveLength(3);
    expect((await keep("K1")).json.status).toBe("done");
    const second = await blobs("merged/K1");
    expect(second).toHaveLength(3);
    expect(second.filter((name) => first.includes(name))).toEqual([]);
  });

  it("a logged segment keeps the letters its entries refer to: 410 (it is history), nothing written", async () => {
    await segment("K2");
    expect((await keep("K2")).json.status).toBe("done");
    const header = (await api.call("GET", "/api/segments/K2")).json;
    const logged = await api.call("POST", "/api/segments/K2/log", {
      body: {},
      ifMatch: header.etag,
    });
    expect(logged.status).toBe(200);
    const kept = await blobs("merged/K2");
    const jobsBefore = await blobs("merge-results");
    const again = await keep("K2");
    expect(again.status).toBe(410);
    expect(again.json.detail).toMatch(/logged/);
    expect(await blobs("merged/K2")).toEqual(kept);
    expect(await blobs("merge-results")).toEqual(jobsBefore);
  });

  it("while someone else holds the segment, keeping waits, then answers 409 naming them; nothing kept", async () => {
    await segment("K3");
    await holdAsBob("K3");
    const res = await keep("K3");
    expect(res.status).toBe(409);
    expect(res.json.errors).toEqual([expect.objectContaining({ rule: "segment_busy" })]);
    expect(res.json.detail).toMatch(/Bob is adding contacts/);
    expect(await blobs("merged/K3")).toEqual([]);
  });
});

describe("a contact's own letter", () => {
  it("while someone else holds the segment, the upload answers 409 naming them; nothing stored", async () => {
    await segment("K4");
    await holdAsBob("K4");
    const res = await api.call("PUT", "/api/segments/K4/lines/10000/attachment", {
      rawBody: { contentType: DOCX, bytes: Buffer.from(letter, "base64") },
    });
    expect(res.status).toBe(409);
    expect(res.json.errors).toEqual([expect.objectContaining({ rule: "segment_busy" })]);
    expect(await blobs("line-letters/K4")).toEqual([]);
    const line = (await api.call("GET", "/api/segments/K4/lines/10000")).json;
    expect(line.attachment).toEqual({ kind: "inherited" });
  });
});
