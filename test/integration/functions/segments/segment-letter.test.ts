/**
 * The segment's working letter outside Word (issue 16): kept with the segment on the server as a
 * versioned attachment. It is there after a reload (a new read), another segment never shows it,
 * a colleague's newer version is never overwritten silently (412), and bad input is refused with
 * a problem that names the rule, leaving nothing behind.
 */
import { strFromU8, unzipSync } from "fflate";
import { startApi, type ApiHarness } from "../../harness/api-harness";
import { minimalDocx } from "../interactions/logging-fixture";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

let api: ApiHarness;
let user = 0;
/** Each upload as its own user: the upload rate limit is not what these tests are about. */
const freshUser = () => `user${++user}@a.example`;

const put = (segmentNo: string, bytes: Uint8Array, ifMatch?: string, fileName = "Brev.docx") =>
  api.call("PUT", `/api/segments/${segmentNo}/letter`, {
    rawBody: { contentType: DOCX, bytes },
    headers: { "x-file-name": encodeURIComponent(fileName) },
    user: freshUser(),
    ...(ifMatch ? { ifMatch } : {}),
  });

const storedBlobs = async (): Promise<string[]> => {
  const names: string[] = [];
  for await (const blob of api.deps.blobs?.listBlobsFlat() ?? []) names.push(blob.name);
  return names.filter((name) => name.includes("/segment-letters/")).sort();
};

/** The letter's body text as stored (the zip's timestamps differ between two builds of it). */
const textOf = (bytes: Uint8Array | undefined) =>
  strFromU8(unzipSync(bytes ?? new Uint8Array())["word/document.xml"] ?? new Uint8Array());

beforeAll(async () => {
  api = await startApi({}, undefined, { blobs: true });
  for (const no of ["LETTER-A", "LETTER-B", "LETTER-C", "LETTER-D"]) {
    const res = await api.call("POST", "/api/segments", { body: { no, description: no } });
    expect(res.status).toBe(201);
  }
}, 60_000);
afterAll(() => api?.close());

describe("a segment's letter", () => {
  it("is kept with its segment: read again (a reload) it is there, another segment has none", async () => {
    expect((await api.call("GET", "/api/segments/LETTER-A/letter")).status).toBe(404);
    const saved = await put(
      "LETTER-A",
      minimalDocx("Kære «Name» A-LETTER"),
      undefined,
      "Tilbud.docx",
    );
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({
      segmentNo: "LETTER-A",
      fileName: "Tilbud.docx",
      version: 1,
      uploadedBy: expect.any(String),
    });
    expect(saved.headers.get("etag")).toBeTruthy();

    const read = await api.call("GET", "/api/segments/LETTER-A/letter");
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ fileName: "Tilbud.docx", version: 1, etag: saved.json.etag });
    const content = await api.call("GET", "/api/segments/LETTER-A/letter/content");
    expect(content.status).toBe(200);
    expect(content.headers.get("content-disposition")).toContain("Tilbud.docx");
    expect(textOf(content.bytes)).toContain("A-LETTER");

    // Another segment never shows it.
    expect((await api.call("GET", "/api/segments/LETTER-B/letter")).status).toBe(404);
    expect((await api.call("GET", "/api/segments/LETTER-B/letter/content")).status).toBe(404);
  });

  it("is versioned: a replacement names the version it replaces; a stale one is a 412 and changes nothing", async () => {
    const first = await put("LETTER-C", minimalDocx("C version 1"));
    expect(first.status).toBe(200);
    // Two colleagues read version 1; Alice replaces it first.
    const alice = await put("LETTER-C", minimalDocx("C version 2 by Alice"), first.json.etag);
    expect(alice.status).toBe(200);
    expect(alice.json.version).toBe(2);
    const blobsAfterAlice = await storedBlobs();

    const bob = await put("LETTER-C", minimalDocx("C version 2 by Bob"), first.json.etag);
    expect(bob.status).toBe(412);
    expect(bob.headers.get("content-type")).toContain("application/problem+json");
    expect(bob.json.detail).toMatch(/after you read it/);
    // Without If-Match, a letter that exists is not replaced either.
    const blind = await put("LETTER-C", minimalDocx("C blind"));
    expect(blind.status).toBe(412);

    const content = await api.call("GET", "/api/segments/LETTER-C/letter/content");
    expect(textOf(content.bytes)).toContain("C version 2 by Alice");
    expect((await api.call("GET", "/api/segments/LETTER-C/letter")).json.version).toBe(2);
    // The refused uploads left no blob behind, and version 1's blob went with its replacement.
    expect(await storedBlobs()).toEqual(blobsAfterAlice);
    expect(blobsAfterAlice.filter((n) => n.includes("/LETTER-C/"))).toHaveLength(1);
  });

  it("two first uploads at once: one is kept, the other is a 412", async () => {
    const results = await Promise.all([
      put("LETTER-D", minimalDocx("D by one")),
      put("LETTER-D", minimalDocx("D by two")),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    expect((await storedBlobs()).filter((n) => n.includes("/LETTER-D/"))).toHaveLength(1);
  });

  it("is removed with the version read (If-Match), and then is gone", async () => {
    const saved = await put("LETTER-B", minimalDocx("B to remove"));
    expect(saved.status).toBe(200);
    const stale = await api.call("DELETE", "/api/segments/LETTER-B/letter", { ifMatch: '"stale"' });
    expect(stale.status).toBe(412);
    const removed = await api.call("DELETE", "/api/segments/LETTER-B/letter", {
      ifMatch: saved.json.etag,
    });
    expect(removed.status).toBe(204);
    expect((await api.call("GET", "/api/segments/LETTER-B/letter")).status).toBe(404);
    expect((await storedBlobs()).filter((n) => n.includes("/LETTER-B/"))).toEqual([]);
  });
});

describe("deleting the segment", () => {
  it("deletes its letter too: a new segment under the same No. starts without one", async () => {
    const created = await api.call("POST", "/api/segments", {
      body: { no: "LETTER-F", description: "F" },
    });
    expect(created.status).toBe(201);
    expect((await put("LETTER-F", minimalDocx("F letter"))).status).toBe(200);
    expect((await storedBlobs()).filter((n) => n.includes("/LETTER-F/"))).toHaveLength(1);
    const deleted = await api.call("DELETE", "/api/segments/LETTER-F", {
      ifMatch: created.json.etag,
    });
    expect(deleted.status).toBe(204);
    expect((await storedBlobs()).filter((n) => n.includes("/LETTER-F/"))).toEqual([]);
    await api.call("POST", "/api/segments", { body: { no: "LETTER-F", description: "F again" } });
    expect((await api.call("GET", "/api/segments/LETTER-F/letter")).status).toBe(404);
  });
});

describe("bad input", () => {
  it("refuses a body that is not a Word document (4xx naming the rule), storing nothing", async () => {
    const before = await storedBlobs();
    const res = await put("LETTER-A", new TextEncoder().encode("%PDF-1.7 not a docx"));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.text).toMatch(/docx|Word|zip/i);
    expect(await storedBlobs()).toEqual(before);
    expect((await api.call("GET", "/api/segments/LETTER-A/letter")).json.version).toBe(1);
  });

  it("refuses a letter over 20 MiB with 413", async () => {
    const res = await put("LETTER-A", new Uint8Array(20 * 1024 * 1024 + 1));
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });

  it("refuses another content type with 415, and an empty body", async () => {
    const res = await api.call("PUT", "/api/segments/LETTER-A/letter", {
      rawBody: { contentType: "text/plain", text: "hello" },
    });
    expect(res.status).toBe(415);
    const empty = await put("LETTER-A", new Uint8Array(0));
    expect(empty.status).toBeGreaterThanOrEqual(400);
    expect(empty.status).toBeLessThan(500);
  });

  it("refuses a wrong version (If-Match of no version) with 412, and a first letter with a stale If-Match", async () => {
    const res = await put("LETTER-A", minimalDocx("wrong version"), '"not-a-version"');
    expect(res.status).toBe(412);
    const created = await api.call("POST", "/api/segments", {
      body: { no: "LETTER-E", description: "E" },
    });
    expect(created.status).toBe(201);
    const first = await put("LETTER-E", minimalDocx("E"), '"some-old-etag"');
    expect(first.status).toBe(412);
    expect((await api.call("GET", "/api/segments/LETTER-E/letter")).status).toBe(404);
  });

  it("answers 404 for a segment that does not exist, a bad file name with 400, DELETE without If-Match 428", async () => {
    expect((await put("NOPE", minimalDocx("x"))).status).toBe(404);
    expect((await api.call("GET", "/api/segments/NOPE/letter")).status).toBe(404);
    const badName = await api.call("PUT", "/api/segments/LETTER-A/letter", {
      rawBody: { contentType: DOCX, bytes: minimalDocx("x") },
      headers: { "x-file-name": "%E0%A4%A" },
      user: freshUser(),
    });
    expect(badName.status).toBe(400);
    expect(badName.text).toContain("X-File-Name");
    expect((await api.call("DELETE", "/api/segments/LETTER-A/letter")).status).toBe(428);
  });
});
