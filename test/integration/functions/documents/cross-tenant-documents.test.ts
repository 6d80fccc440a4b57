import { createHash } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { startApi, type ApiHarness } from "../../harness/api-harness";
import { plantFields, storedDocument } from "../../harness/stored-documents";
import { minimalDocx } from "../interactions/logging-fixture";

/**
 * Tenant A tries to reach tenant B's letters by naming them: a line's own letter given as a
 * document id in a body, in every form the id could take (B's blob name, and that name below
 * `..`). Each attempt is refused, and no answer, merge or check carries or reveals B's letter.
 */
let api: ApiHarness;
const A = { tenant: "tenant-a" };
const B = { tenant: "tenant-b" };
const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const secret = "B-SECRET-LETTER";
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
const uploadedAt = "2026-01-01T00:00:00Z";

const ok = async (tenant: { tenant: string }, method: string, path: string, body?: object) => {
  const res = await api.call(method, path, { ...tenant, ...(body ? { body } : {}) });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
  return res.json;
};

/** Every blob of a tenant's folder with a hash of its bytes, read straight from Blob Storage. */
const blobsOf = async (tenant: string): Promise<Map<string, string>> => {
  const container = api.deps.blobs;
  if (!container) throw new Error("the test needs Blob Storage");
  const found = new Map<string, string>();
  for await (const blob of container.listBlobsFlat({ prefix: `${tenant}/` })) {
    const bytes = await container.getBlobClient(blob.name).downloadToBuffer();
    found.set(blob.name, createHash("sha256").update(bytes).digest("hex"));
  }
  return found;
};

/** The document ids an attacker in A could write for one of B's blobs. */
const craftedIds = (blobName: string) => {
  const belowTenant = blobName.slice(blobName.indexOf("/") + 1);
  return [`../${blobName}`, blobName, `../tenant-b/${belowTenant}`, `./../${blobName}`];
};

let bBlobs: Map<string, string>;
let attempts: string[];

beforeAll(async () => {
  api = await startApi({}, undefined, { blobs: true });
  for (const tenant of [A, B]) {
    await ok(tenant, "POST", "/api/interaction-templates", { code: "LETTER", description: "L" });
    await ok(tenant, "POST", "/api/contacts", { no: "KT1", type: "person", name: "Anna" });
    await ok(tenant, "POST", "/api/contacts", { no: "KT2", type: "person", name: "Bo" });
    await ok(tenant, "POST", "/api/segments", {
      no: "S1",
      description: "Brev",
      interactionTemplateCode: "LETTER",
    });
    await ok(tenant, "POST", "/api/segments/S1/lines", { contactNo: "KT1" });
    await ok(tenant, "POST", "/api/segments/S1/lines", { contactNo: "KT2" });
  }
  // B's letters: a template letter, a contact's own letter, kept merged letters, a merge result.
  const upload = await api.call("PUT", "/api/interaction-templates/LETTER/attachments/da-DK", {
    ...B,
    rawBody: { contentType: docx, bytes: minimalDocx(`${secret} template «Name»`) },
  });
  expect(upload.status).toBe(200);
  const own = await api.call("PUT", "/api/segments/S1/lines/20000/attachment", {
    ...B,
    rawBody: { contentType: docx, bytes: minimalDocx(`${secret} own letter`) },
  });
  expect(own.status).toBe(200);
  await ok(B, "POST", "/api/segments/S1/merge", {
    output: "perContact",
    keep: true,
    template: { documentBase64: base64(minimalDocx(`${secret} merged «Name»`)) },
  });
  bBlobs = await blobsOf("tenant-b");
  expect(bBlobs.size).toBeGreaterThanOrEqual(4);
  attempts = [...bBlobs.keys()].flatMap(craftedIds);
});
afterAll(() => api.close());

describe("tenant A naming tenant B's letters", () => {
  it("refuses a document id in a line create or PATCH body with 400 naming the field and rule", async () => {
    for (const documentId of attempts) {
      const attachment = { kind: "unique", documentId, fileName: "x.docx", uploadedAt };
      const line = await api.call("GET", "/api/segments/S1/lines/10000", A);
      const patched = await api.call("PATCH", "/api/segments/S1/lines/10000", {
        ...A,
        body: { attachment },
        ifMatch: line.json.etag,
      });
      expect(patched.status).toBe(400);
      expect(patched.headers.get("content-type")).toBe("application/problem+json");
      expect(patched.json.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            in: "body",
            field: "attachment.documentId",
            rule: "server_owned",
          }),
        ]),
      );
      const created = await api.call("POST", "/api/segments/S1/lines", {
        ...A,
        body: { contactNo: "KT1", attachment },
      });
      expect(created.status).toBe(400);
      expect(created.json.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: "attachment.documentId", rule: "server_owned" }),
        ]),
      );
      // Nothing half written: the line is as it was.
      const after = await api.call("GET", "/api/segments/S1/lines/10000", A);
      expect(after.json.etag).toBe(line.json.etag);
      expect(after.json.attachment).toEqual({ kind: "inherited" });
    }
  });

  it("cannot read B's letter through GET .../attachment", async () => {
    for (const documentId of attempts) {
      await pointLineAt(documentId);
      const res = await api.call("GET", "/api/segments/S1/lines/10000/attachment", A);
      expect(res.status).toBe(404);
      expect(Buffer.from(res.bytes ?? []).toString("latin1")).not.toContain("PK");
    }
  });

  it("cannot splice B's letter into its own merge, one document per contact", async () => {
    for (const documentId of attempts) {
      await pointLineAt(documentId);
      const merged = await api.call("POST", "/api/segments/S1/merge", {
        ...A,
        body: {
          output: "perContact",
          template: { documentBase64: base64(minimalDocx("A's letter «Name»")) },
        },
      });
      if (merged.status !== 200) continue;
      const zip = unzipSync(
        (await api.call("GET", `/api/merge-jobs/${merged.json.id}/result`, A)).bytes as Uint8Array,
      );
      for (const file of Object.values(zip)) {
        const parts = unzipSync(file);
        expect(strFromU8(parts["word/document.xml"] as Uint8Array)).not.toContain(secret);
      }
    }
  });

  it("cannot tell through log-check whether B has a letter", async () => {
    const problemsFor = async (documentId: string) => {
      await pointLineAt(documentId);
      const check = await api.call("POST", "/api/segments/S1/log-check", A);
      expect(check.status).toBe(200);
      return JSON.stringify(
        (check.json.problems as { lineNo: number; rule: string }[]).filter(
          (p) => p.lineNo === 10000,
        ),
      );
    };
    const absent = await problemsFor("../tenant-b/merged/NOSUCH/10000.docx");
    for (const documentId of attempts) expect(await problemsFor(documentId)).toBe(absent);
  });

  it("cannot delete B's letter through DELETE .../attachment", async () => {
    for (const documentId of attempts) {
      await pointLineAt(documentId);
      const line = await api.call("GET", "/api/segments/S1/lines/10000", A);
      await api.call("DELETE", "/api/segments/S1/lines/10000/attachment", {
        ...A,
        ifMatch: line.json.etag,
      });
    }
    expect([...(await blobsOf("tenant-b")).keys()].sort()).toEqual([...bBlobs.keys()].sort());
  });

  it("left every one of B's letters in place, byte for byte", async () => {
    expect(await blobsOf("tenant-b")).toEqual(bBlobs);
  });
});

/** The attack: a body that names the blob (refused after the fix, so the line stays inherited). */
const pointLineAt = async (documentId: string) => {
  const line = await api.call("GET", "/api/segments/S1/lines/10000", A);
  await api.call("PATCH", "/api/segments/S1/lines/10000", {
    ...A,
    body: { attachment: { kind: "unique", documentId, fileName: "x.docx", uploadedAt } },
    ifMatch: line.json.etag,
  });
};

describe("document ids read back from stored items", () => {
  /** Writes a field straight into A's stored line: what old data or a bug could have left there. */
  const storedLine = (lineNo: number) =>
    storedDocument(api.deps.store.containers.segments, {
      tenant: "tenant-a",
      docType: "segmentLine",
      where: ["c.segmentNo = 'S1'", "c.lineNo = @lineNo"],
      parameters: [{ name: "@lineNo", value: lineNo }],
    });
  const plantOnLine = async (fields: Record<string, unknown>) =>
    plantFields(api.deps.store.containers.segments, await storedLine(10000), fields);

  it.each([
    ["B's blob name", () => [...bBlobs.keys()].find((n) => n.includes("/line-letters/"))],
    ["B's blob name below ..", () => `../${[...bBlobs.keys()][0]}`],
    ["a name from before names were built here", () => "segments/S1/lines/10000/x.docx"],
    ["A's own letter of another line", () => undefined],
  ])("are refused, never used, when they are %s", async (_why, planted) => {
    // A's own letter on line 20000, whose id must not serve line 10000 either.
    const other = await api.call("PUT", "/api/segments/S1/lines/20000/attachment", {
      ...A,
      rawBody: { contentType: docx, bytes: minimalDocx("A's letter of line 20000") },
    });
    expect(other.status).toBe(200);
    const otherId: unknown = (await storedLine(20000))["ownLetterDocumentId"];
    await plantOnLine({
      attachment: { kind: "unique", fileName: "planted.docx", uploadedAt },
      ownLetterDocumentId: planted() ?? otherId,
      mergedDocumentId: planted() ?? otherId,
    });
    const read = await api.call("GET", "/api/segments/S1/lines/10000/attachment", A);
    expect(read.status).toBe(404);
    const check = await api.call("POST", "/api/segments/S1/log-check", A);
    expect(check.json.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ lineNo: 10000, field: "attachment", rule: "attachment_exists" }),
      ]),
    );
    const merged = await api.call("POST", "/api/segments/S1/merge", {
      ...A,
      body: { output: "perContact", template: { documentBase64: base64(minimalDocx("A «Name»")) } },
    });
    expect(merged.status).toBe(404);
    const line = await api.call("GET", "/api/segments/S1/lines/10000", A);
    expect(JSON.stringify(line.json)).not.toMatch(/DocumentId|tenant-b|line-letters/);
    const cleared = await api.call("DELETE", "/api/segments/S1/lines/10000/attachment", A);
    expect(cleared.status).toBe(200);
    expect(cleared.json.attachment).toEqual({ kind: "inherited" });
    expect(await blobsOf("tenant-b")).toEqual(bBlobs);
    // A's letter of line 20000 was not touched through line 10000.
    const kept = await api.call("GET", "/api/segments/S1/lines/20000/attachment", A);
    expect(kept.status).toBe(200);
  });

  it("refuses a template letter or merge result whose stored id is not this tenant's", async () => {
    const setup = api.deps.store.containers.setup;
    const template = await storedDocument(setup, {
      tenant: "tenant-a",
      docType: "interactionTemplate",
      where: ["c.code = 'LETTER'"],
    });
    const bTemplateLetter = [...bBlobs.keys()].find((n) => n.includes("/templates/")) as string;
    await plantFields(setup, template, {
      attachments: [{ languageCode: "da-DK", fileName: "planted.docx", size: 1, uploadedAt }],
      letterDocumentIds: { "da-DK": bTemplateLetter },
    });
    expect(
      (await api.call("GET", "/api/interaction-templates/LETTER/attachments/da-DK", A)).status,
    ).toBe(404);
    const merged = await api.call("POST", "/api/segments/S1/merge-check", { ...A, body: {} });
    expect(merged.status).toBe(404);
    expect(merged.text).not.toMatch(/B-SECRET|tenant-b/);

    const job = await api.call("POST", "/api/segments/S1/merge", {
      ...A,
      body: { template: { documentBase64: base64(minimalDocx("A «Name»")) } },
    });
    expect(job.status).toBe(200);
    const stored = await storedDocument(setup, {
      tenant: "tenant-a",
      docType: "mergeJob",
      where: ["c.jobId = @jobId"],
      parameters: [{ name: "@jobId", value: job.json.id }],
    });
    const bResult = [...bBlobs.keys()].find((n) => n.includes("/merge-results/")) as string;
    await plantFields(setup, stored, { resultDocumentId: bResult });
    const result = await api.call("GET", `/api/merge-jobs/${job.json.id}/result`, A);
    expect(result.status).toBe(409);
    expect(result.bytes).toBeUndefined();
    expect(await blobsOf("tenant-b")).toEqual(bBlobs);
  });
});

describe("bodies that name a document", () => {
  it.each([
    [
      "PATCH",
      "/api/segments/S1/lines/10000",
      { attachment: { kind: "inherited" } },
      "attachment",
      "unknown_field",
    ],
    [
      "POST",
      "/api/segments/S1/lines",
      { contactNo: "KT1", documentId: "x" },
      "documentId",
      "server_owned",
    ],
    [
      "POST",
      "/api/segments/S1/merge-check",
      { template: { interactionTemplateCode: "LETTER", documentId: "x" } },
      "template.documentId",
      "server_owned",
    ],
    [
      "PATCH",
      "/api/interaction-templates/LETTER",
      { attachments: [{ languageCode: "da-DK", documentId: "x" }] },
      "attachments.0.documentId",
      "server_owned",
    ],
    ["PATCH", "/api/segments/S1", { mergedDocumentId: "x" }, "mergedDocumentId", "server_owned"],
  ])("%s %s is refused with 400 naming the field", async (method, path, body, field, rule) => {
    const current = await api.call("GET", path.replace(/\/lines$/, ""), A);
    const res = await api.call(method, path, { ...A, body, ifMatch: current.json?.etag ?? "x" });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.json.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ in: "body", field, rule })]),
    );
    const after = await api.call("GET", path.replace(/\/lines$/, ""), A);
    expect(after.json?.etag).toBe(current.json?.etag);
  });
});
