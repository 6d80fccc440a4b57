import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { loggedLetterId } from "../../../../functions/interactions/logged-letters";
import { asTenantId } from "../../../../functions/store/tenant";
import { startApi, type ApiHarness } from "../../harness/api-harness";
import { buildDocx, control, p, t } from "../../../unit/shared/merge/docx-builder";
import { part, text } from "../../../unit/shared/merge/docx-text";
import { seedLoggingTenant } from "./logging-fixture";

const tenant = asTenantId("tenant-a");
const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const letterSaying = (version: string) =>
  buildDocx({ body: p(t(`${version}: Kære `), control("Name"), t(", "), control("Subject")) });

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi({}, undefined, { blobs: true });
  await seedLoggingTenant(api);
});
afterAll(() => api.close());

const putTemplateLetter = async (code: string, languageCode: string, version: string) => {
  const res = await api.call(
    "PUT",
    `/api/interaction-templates/${code}/attachments/${languageCode}`,
    {
      rawBody: { contentType: docx, bytes: letterSaying(version) },
      headers: { "x-file-name": encodeURIComponent(`${version}.docx`) },
    },
  );
  expect(res.status).toBe(200);
};

const logSegment = async (no: string, contacts: string[], header: object = {}) => {
  await api.call("POST", "/api/segments", {
    body: {
      no,
      description: "Forårsbrev",
      subject: "Forår",
      interactionTemplateCode: "LETTER",
      salespersonCode: "JO",
      ...header,
    },
  });
  for (const contactNo of contacts)
    await api.call("POST", `/api/segments/${no}/lines`, { body: { contactNo } });
  const segment = (await api.call("GET", `/api/segments/${no}`)).json;
  const res = await api.call("POST", `/api/segments/${no}/log`, {
    body: {},
    ifMatch: segment.etag,
  });
  expect(res.status).toBe(200);
  const logged = res.json.loggedSegment.entryNo as number;
  const entries = (await api.call("GET", `/api/logged-segments/${logged}/entries`)).json.items as {
    entryNo: number;
    contactNo: string;
    keptLetter?: string;
    deliveryStatus: string;
  }[];
  return { logged, entries };
};

const bodyText = (bytes: Uint8Array | undefined) =>
  text(part(bytes as Uint8Array, "word/document.xml"));
const letterOf = (entryNo: number) =>
  api.call("GET", `/api/interaction-log-entries/${entryNo}/letter`);

describe("the letter an entry logged (Show Attachments)", () => {
  it("serves the template's letter as logged, merged for the contact, after the template's letter was replaced and deleted", async () => {
    await putTemplateLetter("LETTER", "da-DK", "Version 1");
    await putTemplateLetter("LETTER", "en-GB", "English 1");
    // Anna reads English, Bo Danish; Cai (Swedish) gets the segment's letter (da-DK).
    const { logged, entries } = await logSegment("E1", ["KT11", "KT12", "KT13"], {
      languageCode: "da-DK",
    });
    expect(entries.map((e) => e.keptLetter)).toEqual(["template", "template", "template"]);
    // One copy per letter used, owned by the logged segment, whatever the number of lines.
    const copies: string[] = [];
    const blobs = api.deps.blobs as NonNullable<ApiHarness["deps"]["blobs"]>;
    for await (const blob of blobs.listBlobsFlat({ prefix: `tenant-a/logged-letters/${logged}/` }))
      copies.push(blob.name);
    expect(copies).toHaveLength(2);

    await putTemplateLetter("LETTER", "da-DK", "Version 2");
    expect(
      (await api.call("DELETE", "/api/interaction-templates/LETTER/attachments/en-GB")).status,
    ).toBe(204);

    const [anna, bo, cai] = await Promise.all(entries.map((e) => letterOf(e.entryNo)));
    expect(anna?.status).toBe(200);
    expect(anna?.headers.get("content-type")).toBe(docx);
    expect(anna?.headers.get("content-disposition")).toContain(`${entries[0]?.entryNo} Anna.docx`);
    expect(bodyText(anna?.bytes)).toBe("English 1: Kære Anna, Forår");
    expect(bodyText(bo?.bytes)).toBe("Version 1: Kære Bo, Forår");
    expect(bodyText(cai?.bytes)).toBe("Version 1: Kære Cai, Forår");

    // What a user downloads is a package Word opens: the schema check the merge tests use.
    const dir = mkdtempSync(join(tmpdir(), "entry-letter-"));
    const file = join(dir, "letter.docx");
    writeFileSync(file, bo?.bytes as Uint8Array);
    expect(() =>
      execFileSync("/work/shared/schemas/ooxml/validate-docx", [file], { stdio: "pipe" }),
    ).not.toThrow();
  });

  it("serves a contact's own letter as it was uploaded", async () => {
    await api.call("POST", "/api/segments", {
      body: {
        no: "E2",
        description: "Eget brev",
        interactionTemplateCode: "LETTER",
        salespersonCode: "JO",
      },
    });
    await api.call("POST", "/api/segments/E2/lines", { body: { contactNo: "KT12" } });
    const own = letterSaying("Own letter");
    await api.call("PUT", "/api/segments/E2/lines/10000/attachment", {
      rawBody: { contentType: docx, bytes: own },
      headers: { "x-file-name": "own.docx" },
    });
    const segment = (await api.call("GET", "/api/segments/E2")).json;
    const res = await api.call("POST", "/api/segments/E2/log", { body: {}, ifMatch: segment.etag });
    const [entry] = (
      await api.call("GET", `/api/logged-segments/${res.json.loggedSegment.entryNo}/entries`)
    ).json.items;
    expect(entry.keptLetter).toBe("own");
    const letter = await letterOf(entry.entryNo);
    expect(letter.status).toBe(200);
    expect(Buffer.from(letter.bytes as Uint8Array).equals(Buffer.from(own))).toBe(true);
  });

  it("answers 404 for an entry without a letter, a missing entry, and 400 for a number that is none", async () => {
    // EMAIL has no letter: the entry records a call or a response, nothing was sent.
    const { entries } = await logSegment("E3", ["KT12"], { interactionTemplateCode: "EMAIL" });
    const [call] = entries;
    expect(call?.keptLetter).toBeUndefined();
    const none = await letterOf(call?.entryNo as number);
    expect(none.status).toBe(404);
    expect(none.headers.get("content-type")).toContain("application/problem+json");
    expect(none.json.detail).toMatch(/has no letter/);
    const resendNone = await api.call(
      "POST",
      `/api/interaction-log-entries/${call?.entryNo}/resend`,
      { body: {} },
    );
    expect(resendNone.status).toBe(404);
    expect((await letterOf(987654)).status).toBe(404);
    for (const bad of ["abc", "-1", "0", "1.5"]) {
      const res = await api.call("GET", `/api/interaction-log-entries/${bad}/letter`);
      expect({ bad, status: res.status }).toEqual({ bad, status: 400 });
      expect(res.json.errors[0]).toMatchObject({ in: "path", field: "entryNo" });
      const resend = await api.call("POST", `/api/interaction-log-entries/${bad}/resend`, {
        body: {},
      });
      expect({ bad, status: resend.status }).toEqual({ bad, status: 400 });
      const segment = await api.call("POST", `/api/logged-segments/${bad}/resend`, { body: {} });
      expect({ bad, status: segment.status }).toEqual({ bad, status: 400 });
    }
  });

  it("logs a line whose template letter is gone from storage without a letter, and says so", async () => {
    await putTemplateLetter("LETTER", "da-DK", "Vanishing");
    const blobs = api.deps.blobs as NonNullable<ApiHarness["deps"]["blobs"]>;
    for await (const blob of blobs.listBlobsFlat({ prefix: "tenant-a/templates/LETTER/da-DK/" }))
      await blobs.deleteBlob(blob.name);
    const { entries } = await logSegment("E5", ["KT12"]);
    expect(entries[0]?.keptLetter).toBeUndefined();
    const res = await letterOf(entries[0]?.entryNo as number);
    expect(res.status).toBe(404);
    expect(res.json.detail).toMatch(/has no letter/);
  });

  it("finishes a stopped Log with the letters it recorded, not the template's letter of now", async () => {
    await putTemplateLetter("LETTER", "da-DK", "Before the crash");
    await api.call("POST", "/api/segments", {
      body: {
        no: "E4",
        description: "Brev",
        interactionTemplateCode: "LETTER",
        salespersonCode: "JO",
      },
    });
    await api.call("POST", "/api/segments/E4/lines", { body: { contactNo: "KT12" } });
    const segment = (await api.call("GET", "/api/segments/E4")).json;
    // A Log that died after recording its copies and before writing any entry.
    const { etag, ...header } = await api.deps.store.segments.headers.get(tenant, "E4");
    await api.deps.store.segments.logRuns.create(tenant, "E4", {
      segmentNo: "E4",
      status: "writing",
      headerEtag: segment.etag,
      loggedSegmentEntryNo: 700,
      firstEntryNo: 7000,
      total: 1,
      written: 0,
      followUp: false,
      startedAt: "2026-11-22T10:00:00.000Z",
      userId: "alice@a.example",
      pinnedLetters: [
        { templateCode: "LETTER", lineLanguageCode: "da-DK", letterLanguageCode: "da-DK" },
      ],
    });
    await api.deps.store.documents.put(
      loggedLetterId(tenant, 700, "LETTER", "da-DK"),
      letterSaying("Before the crash"),
    );
    await api.deps.store.segments.headers.replace(
      tenant,
      "E4",
      { ...header, status: "logging" },
      etag,
    );
    await putTemplateLetter("LETTER", "da-DK", "After the crash");

    const resumed = await api.call("POST", "/api/segments/E4/log/resume");
    expect(resumed.status).toBe(200);
    const letter = await letterOf(7000);
    expect(bodyText(letter.bytes)).toBe("Before the crash: Kære Bo, ");
  });
});

describe("Resend (Business Central's Resend Attachments)", () => {
  it("gives one entry's letter again, logs nothing new, and refuses a canceled entry", async () => {
    await putTemplateLetter("LETTER", "da-DK", "Resend 1");
    const { logged, entries } = await logSegment("R1", ["KT12", "KT13"]);
    const [first] = entries;
    const shown = await letterOf(first?.entryNo as number);
    const resent = await api.call("POST", `/api/interaction-log-entries/${first?.entryNo}/resend`, {
      body: { via: "download" },
    });
    expect(resent.status).toBe(200);
    expect(resent.headers.get("content-type")).toBe(docx);
    expect(bodyText(resent.bytes)).toBe(bodyText(shown.bytes));
    expect(bodyText(resent.bytes)).toBe("Resend 1: Kære Bo, Forår");
    const after = (await api.call("GET", `/api/logged-segments/${logged}/entries`)).json.items;
    expect(after).toHaveLength(2);
    expect(after[0]).toMatchObject({ deliveryStatus: "none" });

    const fax = await api.call("POST", `/api/interaction-log-entries/${first?.entryNo}/resend`, {
      body: { via: "fax" },
    });
    expect(fax.status).toBe(400);
    expect(fax.json.errors[0]).toMatchObject({ in: "body", field: "via" });

    expect((await api.call("POST", `/api/logged-segments/${logged}/cancel`)).status).toBe(200);
    const canceled = await api.call(
      "POST",
      `/api/interaction-log-entries/${first?.entryNo}/resend`,
      { body: {} },
    );
    expect(canceled.status).toBe(409);
    expect(canceled.json.errors[0]).toMatchObject({ field: "entryNo", rule: "not_canceled" });
    const segmentCanceled = await api.call("POST", `/api/logged-segments/${logged}/resend`, {
      body: {},
    });
    expect(segmentCanceled.status).toBe(409);
    // The record stays readable.
    expect((await letterOf(first?.entryNo as number)).status).toBe(200);

    // Deleting the canceled logged segment takes the Log's copies with its entries.
    const copies = async () => {
      const names: string[] = [];
      const blobs = api.deps.blobs as NonNullable<ApiHarness["deps"]["blobs"]>;
      for await (const blob of blobs.listBlobsFlat({
        prefix: `tenant-a/logged-letters/${logged}/`,
      }))
        names.push(blob.name);
      return names;
    };
    expect(await copies()).toHaveLength(1);
    expect((await api.call("DELETE", `/api/logged-segments/${logged}`)).status).toBe(204);
    expect(await copies()).toEqual([]);
    expect((await letterOf(first?.entryNo as number)).status).toBe(404);
  });

  it("resends a logged segment as a merge job: the same letters zipped, the same job on a repeat", async () => {
    await putTemplateLetter("LETTER", "da-DK", "Segment 1");
    const { logged, entries } = await logSegment("R2", ["KT12", "KT13"]);
    await putTemplateLetter("LETTER", "da-DK", "Segment 2");
    const jobId = "6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f";
    const res = await api.call("POST", `/api/logged-segments/${logged}/resend`, {
      body: { jobId },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id: jobId,
      segmentNo: "R2",
      loggedSegmentEntryNo: logged,
      status: "done",
      output: "perContact",
      progress: { done: 2, total: 2 },
    });
    expect(res.headers.get("location")).toBe(`/api/merge-jobs/${jobId}`);
    expect(res.json.result).toMatchObject({
      fileName: `Forårsbrev - ${logged}.zip`,
      contentType: "application/zip",
    });
    const result = await api.call("GET", `/api/merge-jobs/${jobId}/result`);
    expect(result.headers.get("content-type")).toBe("application/zip");
    const files = unzipSync(result.bytes as Uint8Array);
    expect(Object.keys(files).sort()).toEqual(
      entries.map((e, i) => `${e.entryNo} ${["Bo", "Cai"][i]}.docx`).sort(),
    );
    expect(Object.values(files).map((f) => bodyText(f))).toEqual([
      "Segment 1: Kære Bo, Forår",
      "Segment 1: Kære Cai, Forår",
    ]);
    const again = await api.call("POST", `/api/logged-segments/${logged}/resend`, {
      body: { jobId },
    });
    expect(again.json).toMatchObject({ id: jobId, status: "done" });
    // The same job id for another logged segment is refused.
    const { logged: other } = await logSegment("R3", ["KT12"]);
    const clash = await api.call("POST", `/api/logged-segments/${other}/resend`, {
      body: { jobId },
    });
    expect(clash.status).toBe(409);
    expect(
      (await api.call("GET", `/api/logged-segments/${logged}/entries`)).json.items,
    ).toHaveLength(2);
  });

  it("refuses a logged segment with nothing to send, a missing one, and bad bodies", async () => {
    const { logged } = await logSegment("R4", ["KT12"], { interactionTemplateCode: "EMAIL" });
    const nothing = await api.call("POST", `/api/logged-segments/${logged}/resend`, { body: {} });
    expect(nothing.status).toBe(422);
    expect(nothing.json.errors[0]).toMatchObject({ field: "entryNo", rule: "has_letters" });
    expect(
      (await api.call("POST", "/api/logged-segments/424242/resend", { body: {} })).status,
    ).toBe(404);
    const badJob = await api.call("POST", `/api/logged-segments/${logged}/resend`, {
      body: { jobId: "not-a-uuid" },
    });
    expect(badJob.status).toBe(400);
    expect(badJob.json.errors[0]).toMatchObject({ in: "body", field: "jobId" });
  });
});
