/**
 * PDF outputs through the API (issue 15), with the merge threads, the embedded store and real
 * LibreOffice: the one-document merge converted once, and split per letter at the bookmark the
 * merge puts before each letter, letters of one and two pages mixed. Text is read back with
 * pdftotext (poppler-utils, installed by .ci/run).
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { unzipSync } from "fflate";
import { PDFDocument } from "pdf-lib";
import { startApi, type ApiHarness } from "../../harness/api-harness";
import { buildDocx, control, p, t } from "../../../unit/shared/merge/docx-builder";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Each page's text lines, as pdftotext reads them (pages end in a form feed). */
const pagesOf = (pdf: Uint8Array): string[][] => {
  const dir = mkdtempSync(join(tmpdir(), "pdf-text-"));
  try {
    writeFileSync(join(dir, "in.pdf"), pdf);
    const text = execFileSync("pdftotext", [join(dir, "in.pdf"), "-"], { encoding: "utf8" });
    return text
      .split("\f")
      .slice(0, -1)
      .map((page) =>
        page
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean),
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
/** Processes whose command line names the directory (soffice and the soffice.bin it starts). */
const processesUsing = (directory: string): number[] =>
  readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(directory);
      } catch {
        return false;
      }
    })
    .map(Number);
const pageCount = async (pdf: Uint8Array) => (await PDFDocument.load(pdf)).getPageCount();

const onePage = buildDocx({
  body: p(t("Kære "), control("Name"), t(",")) + p(t("Tak for sidst.")),
});
const twoPages = buildDocx({
  body:
    p(t("Tilbud til "), control("Name"), t(",")) +
    p('<w:r><w:br w:type="page"/></w:r>') +
    p(t("Side to.")),
});
const onePageText = (name: string) => [`Kære ${name},`, "Tak for sidst."];
const twoPagesText = (name: string) => [[`Tilbud til ${name},`], ["Side to."]];

const contacts = [
  ["KT1", "Anna Holm"],
  ["KT2", "Bo Berg"],
  ["KT3", "Cai Ek"],
  ["KT4", "Dan Dahl"],
] as const;

/** Segment P1: Anna and Cai get the one-page letter, Bo and Dan their own two-page offer. */
const seed = async (api: ApiHarness) => {
  const ok = async (method: string, path: string, body: object) => {
    const res = await api.call(method, path, { body });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res.json;
  };
  const upload = async (path: string, bytes: Uint8Array, fileName: string) => {
    const res = await api.call("PUT", path, {
      rawBody: { contentType: DOCX, bytes },
      headers: { "x-file-name": encodeURIComponent(fileName) },
    });
    if (res.status >= 300) throw new Error(`PUT ${path}: ${res.status} ${res.text}`);
  };
  await ok("POST", "/api/interaction-templates", {
    code: "BREV",
    description: "Brev",
    languageCode: "da-DK",
  });
  await ok("POST", "/api/interaction-templates", { code: "TILBUD", description: "Tilbud" });
  await upload("/api/interaction-templates/BREV/attachments/da-DK", onePage, "brev.docx");
  await upload("/api/interaction-templates/TILBUD/attachments/da-DK", twoPages, "tilbud.docx");
  for (const [no, name] of contacts)
    await ok("POST", "/api/contacts", { no, type: "person", name });
  await ok("POST", "/api/segments", {
    no: "P1",
    description: "PDF",
    interactionTemplateCode: "BREV",
    languageCode: "da-DK",
  });
  for (const [no] of contacts) await ok("POST", "/api/segments/P1/lines", { contactNo: no });
  for (const no of ["KT2", "KT4"]) {
    const line = (await api.call("GET", `/api/segments/P1/lines?contactNo=${no}`)).json
      .items[0] as { lineNo: number; etag: string };
    await api.call("PATCH", `/api/segments/P1/lines/${line.lineNo}`, {
      body: { interactionTemplateCode: "TILBUD" },
      ifMatch: line.etag,
    });
  }
};

describe("PDF outputs", () => {
  let api: ApiHarness;
  beforeAll(async () => {
    // One LibreOffice process and one waiting conversion: the busy test fills them.
    api = await startApi({ pdf: { size: 1, maxQueue: 1, timeoutMs: 300_000 } }, undefined, {
      blobs: true,
    });
    await seed(api);
  });
  afterAll(() => api.close());

  it("per contact: a zip of one PDF per letter, each with exactly its letter's pages and text", async () => {
    const res = await api.call("POST", "/api/segments/P1/merge", {
      body: { output: "perContactPdf" },
    });
    expect(res.json.detail).toBeUndefined();
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      status: "done",
      output: "perContactPdf",
      progress: { done: 4, total: 4 },
      result: { fileName: "brev - P1.zip", contentType: "application/zip" },
    });
    const zip = unzipSync(
      (await api.call("GET", `/api/merge-jobs/${res.json.id}/result`)).bytes as Uint8Array,
    );
    expect(Object.keys(zip)).toEqual([
      "KT1 Anna Holm.pdf",
      "KT2 Bo Berg.pdf",
      "KT3 Cai Ek.pdf",
      "KT4 Dan Dahl.pdf",
    ]);
    const pdf = (name: string) => zip[name] as Uint8Array;
    expect(await pageCount(pdf("KT1 Anna Holm.pdf"))).toBe(1);
    expect(await pageCount(pdf("KT2 Bo Berg.pdf"))).toBe(2);
    expect(await pageCount(pdf("KT3 Cai Ek.pdf"))).toBe(1);
    expect(await pageCount(pdf("KT4 Dan Dahl.pdf"))).toBe(2);
    expect(pagesOf(pdf("KT1 Anna Holm.pdf"))).toEqual([onePageText("Anna Holm")]);
    expect(pagesOf(pdf("KT2 Bo Berg.pdf"))).toEqual(twoPagesText("Bo Berg"));
    expect(pagesOf(pdf("KT3 Cai Ek.pdf"))).toEqual([onePageText("Cai Ek")]);
    expect(pagesOf(pdf("KT4 Dan Dahl.pdf"))).toEqual(twoPagesText("Dan Dahl"));
  });

  it("one document: a single PDF of every letter, in line order", async () => {
    const res = await api.call("POST", "/api/segments/P1/merge", {
      body: { output: "documentPdf" },
    });
    expect(res.status).toBe(200);
    expect(res.json.result).toMatchObject({
      fileName: "brev - P1.pdf",
      contentType: "application/pdf",
    });
    const file = await api.call("GET", `/api/merge-jobs/${res.json.id}/result`);
    expect(file.headers.get("content-type")).toMatch(/application\/pdf/);
    const pdf = file.bytes as Uint8Array;
    expect(await pageCount(pdf)).toBe(6);
    expect(pagesOf(pdf)).toEqual([
      onePageText("Anna Holm"),
      ...twoPagesText("Bo Berg"),
      onePageText("Cai Ek"),
      ...twoPagesText("Dan Dahl"),
    ]);
  });

  it("refuses with 503 and Retry-After when every converter is busy and the queue is full, leaving no job", async () => {
    const ids = [
      "aaaaaaaa-0000-4000-8000-000000000001",
      "aaaaaaaa-0000-4000-8000-000000000002",
      "aaaaaaaa-0000-4000-8000-000000000003",
      "aaaaaaaa-0000-4000-8000-000000000004",
      "aaaaaaaa-0000-4000-8000-000000000005",
    ];
    const answers = await Promise.all(
      ids.map((jobId) =>
        api.call("POST", "/api/segments/P1/merge", { body: { jobId, output: "documentPdf" } }),
      ),
    );
    const refused = answers.filter((a) => a.status === 503);
    const done = answers.filter((a) => a.status === 200);
    expect(refused.length + done.length).toBe(ids.length);
    expect(refused.length).toBeGreaterThan(0);
    expect(done.length).toBeGreaterThan(0);
    for (const answer of refused) {
      expect(answer.headers.get("content-type")).toMatch(/application\/problem\+json/);
      expect(answer.headers.get("retry-after")).toBe("10");
      expect(answer.json).toMatchObject({
        status: 503,
        title: "Busy converting other letters to PDF",
      });
    }
    for (const [i, answer] of answers.entries()) {
      const job = await api.call("GET", `/api/merge-jobs/${ids[i]}`);
      expect(job.status).toBe(answer.status === 503 ? 404 : 200);
    }
  });

  it("a cancel while LibreOffice converts kills it: the job ends canceled, with no result", async () => {
    const jobId = "cccccccc-0000-4000-8000-000000000001";
    const directory = await api.deps.pdf.directory();
    // How the job's conversion ended: killed (rejected), not left to finish its PDF.
    const conversions: Promise<unknown>[] = [];
    const convert = api.deps.pdf.convert.bind(api.deps.pdf);
    const spy = jest.spyOn(api.deps.pdf, "convert").mockImplementation((docx, signal) => {
      const conversion = convert(docx, signal);
      conversions.push(
        conversion.then(
          () => "finished",
          (error: unknown) => error,
        ),
      );
      return conversion;
    });
    const merge = api.call("POST", "/api/segments/P1/merge", {
      body: { jobId, output: "perContactPdf" },
    });
    // Wait for the conversion to be running (not a time: the pool's own count).
    while (api.deps.pdf.load.running === 0 || processesUsing(directory).length === 0)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const canceled = await api.call("POST", `/api/merge-jobs/${jobId}/cancel`);
    expect(canceled.status).toBe(200);
    await merge;
    spy.mockRestore();
    expect(conversions).toHaveLength(1);
    expect(await conversions[0]).toBeInstanceOf(Error);
    const job = (await api.call("GET", `/api/merge-jobs/${jobId}`)).json;
    expect(job.status).toBe("canceled");
    expect(job.result).toBeUndefined();
    // The kill lands and the pool frees its process (its conversion's files are removed first).
    for (
      let i = 0;
      i < 50 && (processesUsing(directory).length > 0 || api.deps.pdf.load.running > 0);
      i++
    )
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(processesUsing(directory)).toEqual([]);
    expect(api.deps.pdf.load).toEqual({ running: 0, waiting: 0 });
  });

  it("refuses an output it does not know, naming the field", async () => {
    const res = await api.call("POST", "/api/segments/P1/merge", { body: { output: "pdfa" } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json.errors)).toMatch(/output/);
  });
});

describe("a PDF conversion that runs out of time", () => {
  let api: ApiHarness;
  beforeAll(async () => {
    // No LibreOffice starts, reads a letter and writes its PDF within a millisecond.
    api = await startApi({ pdf: { size: 1, maxQueue: 1, timeoutMs: 1 } }, undefined, {
      blobs: true,
    });
    await seed(api);
  });
  afterAll(() => api.close());

  it("fails the job with the reason, a 422 problem and no result", async () => {
    const jobId = "bbbbbbbb-0000-4000-8000-000000000001";
    const res = await api.call("POST", "/api/segments/P1/merge", {
      body: { jobId, output: "perContactPdf" },
    });
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ title: "The letters could not be made into PDF" });
    expect(res.json.detail).toMatch(/did not finish the PDF within 1 ms/);
    const job = (await api.call("GET", `/api/merge-jobs/${jobId}`)).json;
    expect(job).toMatchObject({ status: "failed" });
    expect(job.error).toMatch(/did not finish the PDF/);
    expect(job.result).toBeUndefined();
    expect(
      (await api.call("GET", `/api/merge-jobs/${jobId}/result`)).status,
    ).toBeGreaterThanOrEqual(400);
  });
});

describe("a letter LibreOffice cannot convert, per contact", () => {
  let api: ApiHarness;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "pdf-soffice-"));
    // Real LibreOffice, except for a document holding the word UNCONVERTIBLE: that one it
    // cannot read (no PDF, exit 1), as it does with a file it cannot open.
    const script = join(dir, "soffice");
    writeFileSync(
      script,
      `#!/bin/sh\nfor last; do :; done\nif unzip -p "$last" word/document.xml | grep -q UNCONVERTIBLE; then echo "General Error: cannot read the file" >&2; exit 1; fi\nexec soffice "$@"\n`,
      { mode: 0o755 },
    );
    api = await startApi(
      { pdf: { size: 1, maxQueue: 4, timeoutMs: 300_000, soffice: script } },
      undefined,
      { blobs: true },
    );
    await seed(api);
    // Cai (KT3) has his own letter, which LibreOffice cannot convert.
    const line = (await api.call("GET", "/api/segments/P1/lines?contactNo=KT3")).json.items[0] as {
      lineNo: number;
    };
    const res = await api.call("PUT", `/api/segments/P1/lines/${line.lineNo}/attachment`, {
      rawBody: {
        contentType: DOCX,
        bytes: buildDocx({ body: p(t("UNCONVERTIBLE to "), control("Name")) }),
      },
      headers: { "x-file-name": encodeURIComponent("egen.docx") },
    });
    if (res.status >= 300) throw new Error(`own letter: ${res.status} ${res.text}`);
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("fails that line with conversion_failed, not the job: the others' PDFs are in the zip with their pages and text", async () => {
    const res = await api.call("POST", "/api/segments/P1/merge", {
      body: { output: "perContactPdf" },
    });
    expect(res.json.detail).toBeUndefined();
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "done", progress: { done: 4, total: 4 } });
    const job = (await api.call("GET", `/api/merge-jobs/${res.json.id}`)).json;
    expect(job.status).toBe("done");
    expect(
      (job.failedLines as { contactNo: string; lineNo: number; reason: { code: string } }[]).map(
        (f) => [f.contactNo, f.reason.code],
      ),
    ).toEqual([["KT3", "conversion_failed"]]);
    expect(job.failedLines[0].reason.message).toMatch(/cannot read the file/);
    const zip = unzipSync(
      (await api.call("GET", `/api/merge-jobs/${res.json.id}/result`)).bytes as Uint8Array,
    );
    expect(Object.keys(zip)).toEqual(["KT1 Anna Holm.pdf", "KT2 Bo Berg.pdf", "KT4 Dan Dahl.pdf"]);
    const pdf = (name: string) => zip[name] as Uint8Array;
    expect(await pageCount(pdf("KT1 Anna Holm.pdf"))).toBe(1);
    expect(await pageCount(pdf("KT2 Bo Berg.pdf"))).toBe(2);
    expect(await pageCount(pdf("KT4 Dan Dahl.pdf"))).toBe(2);
    expect(pagesOf(pdf("KT1 Anna Holm.pdf"))).toEqual([onePageText("Anna Holm")]);
    expect(pagesOf(pdf("KT2 Bo Berg.pdf"))).toEqual(twoPagesText("Bo Berg"));
    expect(pagesOf(pdf("KT4 Dan Dahl.pdf"))).toEqual(twoPagesText("Dan Dahl"));
  });

  it("finds a failing contact among the lines of a letter that converts (a value LibreOffice cannot take)", async () => {
    // Two more lines on the segment's letter; Eva's name is what LibreOffice cannot convert.
    for (const [no, name] of [
      ["KT5", "Eva UNCONVERTIBLE"],
      ["KT6", "Finn Fog"],
    ]) {
      expect(
        (await api.call("POST", "/api/contacts", { body: { no, type: "person", name } })).status,
      ).toBe(201);
      expect(
        (await api.call("POST", "/api/segments/P1/lines", { body: { contactNo: no } })).status,
      ).toBe(201);
    }
    const res = await api.call("POST", "/api/segments/P1/merge", {
      body: { output: "perContactPdf" },
    });
    expect(res.status).toBe(200);
    expect(res.json.status).toBe("done");
    expect(
      (res.json.failedLines as { contactNo: string; reason: { code: string } }[]).map((f) => [
        f.contactNo,
        f.reason.code,
      ]),
    ).toEqual([
      ["KT3", "conversion_failed"],
      ["KT5", "conversion_failed"],
    ]);
    const zip = unzipSync(
      (await api.call("GET", `/api/merge-jobs/${res.json.id}/result`)).bytes as Uint8Array,
    );
    expect(Object.keys(zip)).toEqual([
      "KT1 Anna Holm.pdf",
      "KT2 Bo Berg.pdf",
      "KT4 Dan Dahl.pdf",
      "KT6 Finn Fog.pdf",
    ]);
    expect(pagesOf(zip["KT1 Anna Holm.pdf"] as Uint8Array)).toEqual([onePageText("Anna Holm")]);
    expect(pagesOf(zip["KT6 Finn Fog.pdf"] as Uint8Array)).toEqual([onePageText("Finn Fog")]);
    expect(pagesOf(zip["KT4 Dan Dahl.pdf"] as Uint8Array)).toEqual(twoPagesText("Dan Dahl"));
  });

  it("one document as PDF: the single conversion fails the job with a clear 422 problem", async () => {
    const jobId = "dddddddd-0000-4000-8000-000000000001";
    const res = await api.call("POST", "/api/segments/P1/merge", {
      body: { jobId, output: "documentPdf" },
    });
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ title: "The letters could not be made into PDF" });
    expect(res.json.detail).toMatch(/cannot read the file/);
    const job = (await api.call("GET", `/api/merge-jobs/${jobId}`)).json;
    expect(job).toMatchObject({ status: "failed" });
    expect(job.result).toBeUndefined();
  });
});
