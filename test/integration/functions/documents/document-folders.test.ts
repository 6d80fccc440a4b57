import { createHash } from "node:crypto";
import { dirname } from "node:path/posix";
import { unzipSync } from "fflate";
import { startApi, type ApiHarness } from "../../harness/api-harness";
import { minimalDocx } from "../interactions/logging-fixture";

/**
 * Segment numbers and template codes may hold `/` and `.` (Business Central codes do). Letters
 * stored for keys such as `X/../T` or `X/../../../TB` must stay in their own owner's folder: not
 * land in another owner's, not overwrite another's letter, not leave the tenant's folder.
 */
let api: ApiHarness;
const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
const hash = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Each document written, by its owner, known by the hash of its bytes. */
const written: { owner: string; hash: string }[] = [];

const ok = async (method: string, path: string, body?: object) => {
  const res = await api.call(method, path, { tenant: "ta", ...(body ? { body } : {}) });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
  return res.json;
};
const at = (key: string) => encodeURIComponent(key);

const templates = ["Y", "X/../Y", "X/../../../TB"];
const keptSegments = ["T", "X/../T", "X/../../../TB"];
const ownSegments = ["O", "X/../O"];

beforeAll(async () => {
  api = await startApi({}, undefined, { blobs: true });
  await ok("POST", "/api/contacts", { no: "KT1", type: "person", name: "Anna" });
  for (const code of templates) {
    await ok("POST", "/api/interaction-templates", { code, description: code });
    const bytes = minimalDocx(`template ${code}`);
    const res = await api.call("PUT", `/api/interaction-templates/${at(code)}/attachments/da-DK`, {
      tenant: "ta",
      rawBody: { contentType: docx, bytes },
    });
    expect(res.status).toBe(200);
    written.push({ owner: `template ${code}`, hash: hash(bytes) });
  }
  for (const no of [...keptSegments, ...ownSegments]) {
    await ok("POST", "/api/segments", { no, description: no });
    await ok("POST", `/api/segments/${at(no)}/lines`, { contactNo: "KT1" });
  }
  for (const no of ownSegments) {
    const bytes = minimalDocx(`own letter of ${no}`);
    const res = await api.call("PUT", `/api/segments/${at(no)}/lines/10000/attachment`, {
      tenant: "ta",
      rawBody: { contentType: docx, bytes },
    });
    expect(res.status).toBe(200);
    written.push({ owner: `own letter ${no}`, hash: hash(bytes) });
  }
  for (const no of keptSegments) {
    const job = await ok("POST", `/api/segments/${at(no)}/merge`, {
      output: "perContact",
      keep: true,
      template: { documentBase64: base64(minimalDocx(`merged for ${no} «Name»`)) },
    });
    const result = (await api.call("GET", `/api/merge-jobs/${job.id}/result`, { tenant: "ta" }))
      .bytes as Uint8Array;
    written.push({ owner: `merge result ${no}`, hash: hash(result) });
    for (const letter of Object.values(unzipSync(result)))
      written.push({ owner: `kept letter ${no}`, hash: hash(letter) });
  }
});
afterAll(() => api.close());

/** Every blob in the container, each with the hash of its bytes. */
const allBlobs = async () => {
  const container = api.deps.blobs;
  if (!container) throw new Error("the test needs Blob Storage");
  const found: { name: string; hash: string }[] = [];
  for await (const blob of container.listBlobsFlat()) {
    const bytes = await container.getBlobClient(blob.name).downloadToBuffer();
    found.push({ name: blob.name, hash: hash(bytes) });
  }
  return found;
};

describe("keys with / and .. in document names", () => {
  it("never leave the tenant's folder", async () => {
    const outside = (await allBlobs()).filter((b) => !b.name.startsWith("ta/"));
    expect(outside).toEqual([]);
  });

  it("never overwrite another owner's letter", async () => {
    const hashes = new Set((await allBlobs()).map((b) => b.hash));
    expect(written.filter((w) => !hashes.has(w.hash))).toEqual([]);
  });

  it("keep each owner's letters in a folder of its own", async () => {
    const blobs = await allBlobs();
    const folderOwners = new Map<string, Set<string>>();
    for (const w of written) {
      for (const b of blobs.filter((blob) => blob.hash === w.hash)) {
        const folder = dirname(b.name);
        folderOwners.set(folder, (folderOwners.get(folder) ?? new Set()).add(w.owner));
      }
    }
    const shared = [...folderOwners].filter(([, owners]) => owners.size > 1);
    expect(shared).toEqual([]);
  });
});
