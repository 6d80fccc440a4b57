/**
 * What each merge output makes of a segment's letters (functions/merge/outputs/), with the real
 * merge threads and the embedded store: the file, its name and type, the progress it reports,
 * and the letters it keeps. The endpoint's own behaviour is in merge.test.ts.
 */
import { unzipSync } from "fflate";
import { docxType } from "@shared/model/api/docx-type";
import { MergeOutputKind } from "@shared/model/merge-job";
import { letterRecords, type LetterRecord } from "../../../../functions/merge/letter-records";
import type { MergeRun } from "../../../../functions/merge/outputs/merge-output";
import { mergeOutputs } from "../../../../functions/merge/outputs/merge-outputs";
import { labels } from "../../../../functions/merge/outputs/labels";
import { oneDocument } from "../../../../functions/merge/outputs/one-document";
import { perContact } from "../../../../functions/merge/outputs/per-contact";
import type { SegmentHeader, StoredLine } from "../../../../functions/store/segment-repository";
import { asTenantId } from "../../../../functions/store/tenant";
import { startApi, type ApiHarness } from "../../harness/api-harness";
import { buildDocx, control, p, t } from "../../../unit/shared/merge/docx-builder";
import { letters, part } from "../../../unit/shared/merge/docx-text";
import { sheetsOf } from "../../../unit/shared/merge/labels/label-sheets";
import { LabelGridError } from "@shared/merge/index";

const tenant = asTenantId("tenant-a");
const letter = buildDocx({ body: p(t("Kære "), control("Name"), t(",")) });
let api: ApiHarness;
let header: SegmentHeader;
let records: LetterRecord[];

beforeAll(async () => {
  api = await startApi();
  const ok = async (path: string, body: object) => {
    const res = await api.call("POST", path, { body });
    if (res.status >= 300) throw new Error(`${path}: ${res.text}`);
  };
  await ok("/api/contacts", { no: "KT1", type: "person", name: "Anna Holm" });
  await ok("/api/contacts", { no: "KT2", type: "person", name: "Bo Berg" });
  await ok("/api/contacts", { no: "KT3", type: "person", name: "Cai Ek" });
  await ok("/api/segments", { no: "S1", description: "Brev" });
  for (const contactNo of ["KT1", "KT2", "KT3"]) await ok("/api/segments/S1/lines", { contactNo });
  header = await api.deps.store.segments.headers.get(tenant, "S1");
  const lines = (await api.deps.store.segments.allLines<StoredLine>(tenant, "S1")).sort(
    (a, b) => a.lineNo - b.lineNo,
  );
  records = await letterRecords(api.deps, tenant, header, lines);
});
afterAll(() => api.close());

/** A merge job's run as runMerge hands it over, with what a test changes. */
const run = (changes: Partial<MergeRun> = {}): MergeRun => ({
  deps: api.deps,
  tenant,
  header,
  source: { documentBase64: Buffer.from(letter).toString("base64") },
  labels: undefined,
  letter: { bytes: letter, fileName: "Forårsbrev.docx", matches: {} },
  records,
  signal: new AbortController().signal,
  progress: async () => undefined,
  keep: undefined,
  ...changes,
});

describe("merge outputs", () => {
  it("have one output for every kind the contract names", () => {
    expect(Object.keys(mergeOutputs).sort()).toEqual([...MergeOutputKind.options].sort());
  });

  it("one document: a section per letter, named after the letter and the segment", async () => {
    const file = await oneDocument.produce(run());
    expect(file).toMatchObject({ fileName: "Forårsbrev - S1.docx", contentType: docxType });
    expect(letters(part(file.bytes, "word/document.xml"))).toEqual([
      "Kære Anna Holm,",
      "Kære Bo Berg,",
      "Kære Cai Ek,",
    ]);
  });

  it("one per contact: a zip of each contact's letter, reporting the letters merged and keeping them when asked", async () => {
    const reported: number[] = [];
    let kept: readonly Uint8Array[] = [];
    const file = await perContact.produce(
      run({
        progress: async (done) => {
          reported.push(done);
        },
        keep: async (letters) => {
          kept = letters;
        },
      }),
    );
    expect(file).toMatchObject({ fileName: "Forårsbrev - S1.zip", contentType: "application/zip" });
    const zip = unzipSync(file.bytes);
    expect(Object.keys(zip)).toEqual(["KT1 Anna Holm.docx", "KT2 Bo Berg.docx", "KT3 Cai Ek.docx"]);
    expect(letters(part(zip["KT2 Bo Berg.docx"] as Uint8Array, "word/document.xml"))).toEqual([
      "Kære Bo Berg,",
    ]);
    expect(reported).toEqual([3]);
    // Kept in the records' order, the very letters the zip holds.
    expect(kept.map((bytes) => Buffer.from(bytes))).toEqual(
      Object.values(zip).map((bytes) => Buffer.from(bytes)),
    );
  });

  it("one per contact stops where its progress finds the job canceled: nothing zipped, nothing kept", async () => {
    const canceled = new Error("the job was canceled");
    const keep = jest.fn(async () => undefined);
    const zip = jest.spyOn(api.deps.workers, "zip");
    await expect(
      perContact.produce(run({ progress: () => Promise.reject(canceled), keep })),
    ).rejects.toBe(canceled);
    expect(zip).not.toHaveBeenCalled();
    expect(keep).not.toHaveBeenCalled();
    zip.mockRestore();
  });

  it("labels: an address label per contact on A4 3 × 8 by default, in a merge thread", async () => {
    const reported: number[] = [];
    const file = await labels.produce(
      run({
        progress: async (done) => {
          reported.push(done);
        },
      }),
    );
    expect(file).toMatchObject({
      fileName: "Labels - S1.docx",
      contentType: docxType,
    });
    const sheets = sheetsOf(file.bytes);
    expect(sheets).toHaveLength(1);
    expect(sheets[0]?.labels.slice(0, 4)).toEqual(["Anna Holm", "Bo Berg", "Cai Ek", ""]);
    expect(sheets[0]?.labels).toHaveLength(24);
    expect(reported).toEqual([3]);
  });

  it("labels: a custom grid of 2 × 1 labels puts three contacts on two sheets", async () => {
    const file = await labels.produce(
      run({
        labels: {
          content: "addressBlock",
          sheet: {
            custom: {
              pageWidth: 100,
              pageHeight: 50,
              topMargin: 5,
              sideMargin: 5,
              columns: 2,
              rows: 1,
              labelWidth: 40,
              labelHeight: 30,
              horizontalPitch: 45,
              verticalPitch: 30,
            },
          },
        },
      }),
    );
    expect(sheetsOf(file.bytes).map((s) => s.labels)).toEqual([
      ["Anna Holm", "Bo Berg"],
      ["Cai Ek", ""],
    ]);
  });

  it("labels: a grid wider than its page is refused before a thread is asked", async () => {
    const write = jest.spyOn(api.deps.workers, "labels");
    const refused = labels.produce(
      run({
        labels: {
          content: "addressBlock",
          sheet: {
            custom: {
              pageWidth: 100,
              pageHeight: 50,
              topMargin: 5,
              sideMargin: 5,
              columns: 3,
              rows: 1,
              labelWidth: 40,
              labelHeight: 30,
              horizontalPitch: 45,
              verticalPitch: 30,
            },
          },
        },
      }),
    );
    await expect(refused).rejects.toBeInstanceOf(LabelGridError);
    await expect(refused).rejects.toMatchObject({
      issues: [expect.objectContaining({ field: "columns", rule: "does_not_fit_page_width" })],
    });
    expect(write).not.toHaveBeenCalled();
    write.mockRestore();
  });
});
