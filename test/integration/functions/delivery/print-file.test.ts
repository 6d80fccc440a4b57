/**
 * The send job's print file (issue 15): a Log with Send Attachments sends the e-mail lines and
 * joins the hard-copy lines' letters, in entry order, into one PDF in Blob Storage, served by
 * GET /send-jobs/{id}/print-file. Real LibreOffice, the embedded store, Azurite, an SMTP server;
 * text read back with pdftotext (poppler-utils).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { PDFDocument } from "pdf-lib";
import type { Delivery, SendJob } from "@shared/model/delivery";
import type { AppDeps } from "../../../../functions/app-deps";
import { createPdfConverter } from "../../../../functions/convert/pdf-converter";
import { buildPrintFile } from "../../../../functions/delivery/job/print-file-builder";
import type { StoredSendJob } from "../../../../functions/store/send-job-repository";
import { startSendJob } from "../../../../functions/delivery/job/send-job-service";
import { asTenantId } from "../../../../functions/store/tenant";
import type { ApiHarness } from "../../harness/api-harness";
import { buildDocx, mergeField, p, t } from "../../../unit/shared/merge/docx-builder";
import type { RecordingSmtpServer } from "../../harness/recording-smtp-server";
import {
  contactEmail,
  identityOf,
  loggedEmailSegment,
  seedEmailSegment,
} from "./fixtures/email-segment";
import { runQueueUntilSettled, startSendStack, type SendStack } from "./fixtures/send-stack";

/** A letter that names its contact, so the print file's order can be read back. */
const letter = buildDocx({ body: p(t("Dear "), mergeField("Name"), t(", the December news.")) });

let api: ApiHarness;
let smtp: RecordingSmtpServer;
let tenant = asTenantId("print-0");
let tenantCount = 0;

/** The whole text of a PDF, page by page, as pdftotext reads it. */
const textOf = (pdf: Uint8Array): string => {
  const dir = mkdtempSync(join(tmpdir(), "print-text-"));
  try {
    writeFileSync(join(dir, "in.pdf"), pdf);
    return execFileSync("pdftotext", [join(dir, "in.pdf"), "-"], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const runJob = (jobId: string, deps: AppDeps = api.deps): Promise<SendJob> =>
  runQueueUntilSettled(deps, tenant, jobId);

const printBlobs = async (): Promise<string[]> => {
  const blobs = api.deps.blobs as NonNullable<ApiHarness["deps"]["blobs"]>;
  const names: string[] = [];
  for await (const blob of blobs.listBlobsFlat({ prefix: `${tenant}/print-files/` }))
    names.push(blob.name);
  return names;
};

let stack: SendStack;

beforeAll(async () => {
  stack = await startSendStack();
  ({ api, smtp } = stack);
});

afterAll(() => stack.close());

beforeEach(() => {
  tenant = asTenantId(`print-${++tenantCount}`);
  smtp.received.length = 0;
});

describe("the send job's print file", () => {
  it("a Log with Send Attachments e-mails the e-mail lines and prints the hard-copy lines' letters, in entry order, once", async () => {
    const { segmentNo, etag } = await seedEmailSegment(api.deps, tenant, 6, {
      hardCopyEvery: 3,
      letter,
    });
    const log = () =>
      api.call<{ sendJobId?: string; replayed: boolean }>(
        "POST",
        `/api/segments/${segmentNo}/log`,
        {
          tenant,
          ifMatch: etag,
          headers: { "idempotency-key": "log-and-print" },
          body: {
            sendAttachments: { email: { kind: "attachment", format: "docx" }, hardCopy: "pdf" },
          },
        },
      );
    const first = await log();
    expect(first.status).toBe(200);
    const jobId = first.json.sendJobId as string;
    // Not done before its print file exists.
    const queued = await api.call<SendJob>("GET", `/api/send-jobs/${jobId}`, { tenant });
    expect(queued.json.state).toBe("queued");

    const done = await runJob(jobId);
    expect(done.state).toBe("done");
    expect(done.counts).toMatchObject({ total: 6, sent: 4, skipped: 2, failed: 0 });
    expect(smtp.received.map((m) => m.to).sort()).toEqual([1, 2, 4, 5].map(contactEmail).sort());

    const file = await api.call("GET", `/api/send-jobs/${jobId}/print-file`, { tenant });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toContain("application/pdf");
    expect(file.headers.get("content-disposition")).toContain("December news - print.pdf");
    const text = textOf(file.bytes as Uint8Array);
    const letters = text.match(/Dear Contact \d+/g);
    expect(letters).toEqual(["Dear Contact 3", "Dear Contact 6"]);
    const job = await api.call<SendJob>("GET", `/api/send-jobs/${jobId}`, { tenant });
    expect(job.json.printFile).toEqual({
      fileName: "December news - print.pdf",
      contentType: "application/pdf",
      bytes: (file.bytes as Uint8Array).length,
    });

    // The Log again: the same job, the same print file, one blob.
    const again = await log();
    expect(again.json).toMatchObject({ replayed: true, sendJobId: jobId });
    await runJob(jobId);
    const fileAgain = await api.call("GET", `/api/send-jobs/${jobId}/print-file`, { tenant });
    expect(Buffer.from(fileAgain.bytes as Uint8Array)).toEqual(
      Buffer.from(file.bytes as Uint8Array),
    );
    expect(await printBlobs()).toHaveLength(1);
    expect(smtp.received).toHaveLength(4);

    // A worker that died after writing the file builds it again: the same blob, overwritten.
    const stored = await api.deps.store.sendJobs.findJob(tenant, jobId);
    const rebuilt = await buildPrintFile(api.deps, tenant, stored as StoredSendJob);
    expect(rebuilt.printFile?.fileName).toBe("December news - print.pdf");
    expect(await printBlobs()).toHaveLength(1);
  });

  it("a letter LibreOffice cannot convert is left out, its line failed (conversion_failed); the rest prints; retry prints it", async () => {
    const logged = await loggedEmailSegment(api.deps, tenant, 6, { hardCopyEvery: 3, letter });
    const dir = mkdtempSync(join(tmpdir(), "print-soffice-"));
    // LibreOffice that fails (no PDF, exit 1) twice, then converts for real: the slice of both
    // letters joined fails, then Contact 3's letter alone; Contact 6's alone converts.
    const script = join(dir, "soffice");
    writeFileSync(
      script,
      `#!/bin/sh\nif [ ! -e "${dir}/failed2" ]; then if [ -e "${dir}/failed1" ]; then touch "${dir}/failed2"; else touch "${dir}/failed1"; fi; echo "cannot read the file" >&2; exit 1; fi\nexec soffice "$@"\n`,
      { mode: 0o755 },
    );
    const pdf = createPdfConverter({ size: 1, maxQueue: 4, timeoutMs: 120_000, soffice: script });
    try {
      const job = await startSendJob(api.deps, identityOf(tenant), {
        loggedSegmentEntryNo: logged,
        options: { email: { kind: "letter" }, hardCopy: "pdf" },
        origin: "send",
      });
      const done = await runJob(job.id, { ...api.deps, pdf });
      expect(done).toMatchObject({
        state: "done",
        counts: { sent: 4, failed: 1, skipped: 1 },
      });
      const lines = await api.call<{ items: Delivery[] }>(
        "GET",
        `/api/send-jobs/${job.id}/deliveries?state=failed`,
        { tenant },
      );
      expect(lines.json.items.map((l) => [l.contactName, l.reason?.code])).toEqual([
        ["Contact 3", "conversion_failed"],
      ]);
      const file = await api.call("GET", `/api/send-jobs/${job.id}/print-file`, { tenant });
      expect(textOf(file.bytes as Uint8Array).match(/Dear Contact \d+/g)).toEqual([
        "Dear Contact 6",
      ]);
      const entries = await api.deps.store.interactions.entriesOfLogged(tenant, logged);
      expect(entries.find((e) => e.contactName === "Contact 3")?.deliveryStatus).toBe("error");

      // Retry: the line goes back to the print file, made again (LibreOffice converts it now).
      const retried = await api.call<SendJob>("POST", `/api/send-jobs/${job.id}/retry`, {
        tenant,
      });
      expect(retried.json.state).toBe("queued");
      expect(retried.json.printFile).toBeUndefined();
      const again = await runJob(job.id, { ...api.deps, pdf });
      expect(again.counts).toMatchObject({ sent: 4, failed: 0, skipped: 2 });
      const reprinted = await api.call("GET", `/api/send-jobs/${job.id}/print-file`, { tenant });
      expect(textOf(reprinted.bytes as Uint8Array).match(/Dear Contact \d+/g)).toEqual([
        "Dear Contact 3",
        "Dear Contact 6",
      ]);
      expect(await printBlobs()).toHaveLength(1);
      expect(smtp.received).toHaveLength(4);
    } finally {
      await pdf.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('hardCopy "document": one .docx of the hard-copy lines\' letters, in entry order, a valid document', async () => {
    const logged = await loggedEmailSegment(api.deps, tenant, 4, { hardCopyEvery: 2, letter });
    const job = await startSendJob(api.deps, identityOf(tenant), {
      loggedSegmentEntryNo: logged,
      options: { email: { kind: "letter" }, hardCopy: "document" },
      origin: "send",
    });
    await runJob(job.id);
    const file = await api.call("GET", `/api/send-jobs/${job.id}/print-file`, { tenant });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toContain(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(file.headers.get("content-disposition")).toContain("December news - print.docx");
    const dir = mkdtempSync(join(tmpdir(), "print-docx-"));
    try {
      const path = join(dir, "print.docx");
      writeFileSync(path, file.bytes as Uint8Array);
      execFileSync("/work/shared/schemas/ooxml/validate-docx", [path], { stdio: "pipe" });
      // Word's "Edit Individual Documents": each letter its own section, in entry order.
      const xml = new TextDecoder().decode(
        unzipSync(file.bytes as Uint8Array)["word/document.xml"] as Uint8Array,
      );
      expect(xml.replace(/<[^>]+>/g, "").match(/Dear Contact \d+/g)).toEqual([
        "Dear Contact 2",
        "Dear Contact 4",
      ]);
      expect(xml.match(/<w:sectPr\b/g)).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a print file over several slices: each slice converted once, every letter's page in entry order", async () => {
    const logged = await loggedEmailSegment(api.deps, tenant, 8, { hardCopyEvery: 1, letter });
    const job = await startSendJob(api.deps, identityOf(tenant), {
      loggedSegmentEntryNo: logged,
      options: { email: { kind: "letter" }, hardCopy: "pdf" },
      origin: "send",
    });
    // Three letters a slice: 3 + 3 + 2, one LibreOffice conversion each.
    const convert = jest.spyOn(api.deps.pdf, "convert");
    try {
      const deps: AppDeps = {
        ...api.deps,
        config: { ...api.deps.config, pdf: { ...api.deps.config.pdf, printSliceLetters: 3 } },
      };
      expect((await runJob(job.id, deps)).counts).toMatchObject({ skipped: 8, failed: 0 });
      expect(convert).toHaveBeenCalledTimes(3);
    } finally {
      convert.mockRestore();
    }
    const file = await api.call("GET", `/api/send-jobs/${job.id}/print-file`, { tenant });
    expect(file.status).toBe(200);
    const pdf = file.bytes as Uint8Array;
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(8);
    expect(
      textOf(pdf)
        .split("\f")
        .slice(0, -1)
        .map((page) => page.match(/Dear Contact \d+/g)),
    ).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => [`Dear Contact ${n}`]));
  });

  it('hardCopy "none": no print file, a 404 that says so', async () => {
    const logged = await loggedEmailSegment(api.deps, tenant, 3, { hardCopyEvery: 3 });
    const job = await startSendJob(api.deps, identityOf(tenant), {
      loggedSegmentEntryNo: logged,
      options: { email: { kind: "letter" }, hardCopy: "none" },
      origin: "send",
    });
    expect((await runJob(job.id)).counts).toMatchObject({ sent: 2, skipped: 1 });
    const res = await api.call("GET", `/api/send-jobs/${job.id}/print-file`, { tenant });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.json.detail).toContain('hardCopy "none"');
    expect(await printBlobs()).toEqual([]);
  });

  it("a job without hard-copy lines: 404, nothing stored", async () => {
    const logged = await loggedEmailSegment(api.deps, tenant, 2);
    const job = await startSendJob(api.deps, identityOf(tenant), {
      loggedSegmentEntryNo: logged,
      options: { email: { kind: "letter" }, hardCopy: "pdf" },
      origin: "send",
    });
    expect((await runJob(job.id)).counts).toMatchObject({ sent: 2 });
    const res = await api.call("GET", `/api/send-jobs/${job.id}/print-file`, { tenant });
    expect(res.status).toBe(404);
    expect(res.json.detail).toContain("no print file");
    expect(await printBlobs()).toEqual([]);
  });

  it("a bad or unknown job id: 400 naming id, 404", async () => {
    const bad = await api.call("GET", `/api/send-jobs/a_b/print-file`, { tenant });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0]).toMatchObject({ field: "id" });
    const unknown = await api.call("GET", `/api/send-jobs/nope/print-file`, { tenant });
    expect(unknown.status).toBe(404);
  });
});
