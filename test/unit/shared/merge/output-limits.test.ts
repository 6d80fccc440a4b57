/**
 * What one merge may write (DEFAULT_OUTPUT_LIMITS), checked on an estimate before any letter
 * is written: the estimate's work is counted and is a small multiple of the records, not of
 * the output that would have been written.
 */
import { unzipSync } from "fflate";
import {
  DEFAULT_OUTPUT_LIMITS,
  estimateMergedSize,
  MergeError,
  mergeDocument,
  mergeDocumentFlatOpc,
  mergeEach,
  mergeOne,
  readTemplate,
  type MergeRecord,
  type Template,
} from "@shared/merge";
import { buildDocx, control, mergeField, p, t } from "./docx-builder";
import { wordTemplate } from "./fixture-files";
import { measureWork } from "./work-meter";

const MB = 1024 * 1024;

const refusal = (merge: () => unknown): MergeError => {
  try {
    merge();
  } catch (error) {
    if (error instanceof MergeError) return error;
    throw error;
  }
  throw new Error("the merge ran");
};

const records = (n: number, values: Record<string, string> = {}): MergeRecord[] =>
  Array.from({ length: n }, (_, i) => ({
    values: { Name: `Contact ${i}`, ...values },
    fileName: `Contact ${i}`,
  }));

/** A 1-2 KB letter holding one run of 90,000 characters (under the run limit). */
const bigRun = readTemplate(
  buildDocx({
    body: p(t("Dear "), mergeField("Name")) + p(t("lorem ipsum ".repeat(7_500))),
  }),
);

/** What a merge wrote, unzipped: the truth the estimate is held to. */
const unzippedSize = (docx: Uint8Array): number =>
  Object.values(unzipSync(docx)).reduce((sum, bytes) => sum + bytes.length, 0);

describe("limits on what a merge writes", () => {
  it("states its defaults", () => {
    expect(DEFAULT_OUTPUT_LIMITS).toEqual({
      maxDocumentBytes: 512 * MB,
      maxTotalBytes: 2048 * MB,
    });
  });

  it("refuses one document above the limit before merging, and suggests one per contact", () => {
    const { result: error, steps } = measureWork(() =>
      refusal(() => mergeDocument(bigRun, records(6_000))),
    );
    expect(error).toMatchObject({
      name: "MergeError",
      code: "output_too_large",
      limit: 512 * MB,
    });
    expect(error.actual).toBeGreaterThan(512 * MB);
    expect(error.message).toMatch(/one document per contact/);
    // Refused from the estimate: a few steps per record, nowhere near the 540 MB to write.
    expect(steps).toBeLessThan(6_000 * 50);
    expect(refusal(() => mergeDocumentFlatOpc(bigRun, records(6_000))).code).toBe(
      "output_too_large",
    );
  });

  it("counts the records' values as often as the letter shows them", () => {
    const many = readTemplate(
      buildDocx({ body: Array.from({ length: 1_000 }, () => p(control("Note"))).join("") }),
    );
    const note = "x".repeat(2_000);
    // 300 letters x 1,000 uses x 2,000 characters: 600 MB, from a letter of a few kilobytes.
    expect(refusal(() => mergeDocument(many, records(300, { Note: note }))).code).toBe(
      "output_too_large",
    );
    expect(() => mergeDocument(many, records(3, { Note: note }))).not.toThrow();
  });

  it("counts rows repeated for each item", () => {
    const table = readTemplate(
      buildDocx({
        body: `<w:tbl><w:tr><w:tc>${p(mergeField("items.text"))}</w:tc></w:tr></w:tbl>${p(t(""))}`,
      }),
    );
    const withItems = (n: number): MergeRecord[] => [
      {
        values: {},
        rows: { items: Array.from({ length: n }, () => ({ text: "y".repeat(1_000) })) },
      },
    ];
    const small = estimateMergedSize(table, withItems(10)).oneDocument;
    const large = estimateMergedSize(table, withItems(1_000)).oneDocument;
    expect(large - small).toBeGreaterThan(990 * 1_000);
  });

  it("holds each letter of one document per contact, and all of them, to their limits", () => {
    const limits = { maxDocumentBytes: 200_000, maxTotalBytes: 1_000_000 };
    const big = refusal(() =>
      mergeEach(bigRun, records(1), { limits: { ...limits, maxDocumentBytes: 50_000 } }),
    );
    expect(big).toMatchObject({ code: "output_too_large", limit: 50_000 });
    expect(big.message).toMatch(/One letter would be/);
    const all = refusal(() => mergeEach(bigRun, records(20), { limits }));
    expect(all).toMatchObject({ code: "output_too_large", limit: 1_000_000 });
    expect(all.message).toMatch(/fewer contacts/);
    expect(mergeEach(bigRun, records(3), { limits })).toHaveLength(3);
    expect(
      refusal(() =>
        mergeOne(bigRun, records(1)[0] as MergeRecord, { limits: { maxDocumentBytes: 50_000 } }),
      ).code,
    ).toBe("output_too_large");
  });

  it("estimates close to what the merge writes", () => {
    const letters: [string, Template, MergeRecord[]][] = [
      ["a 90,000-character run", bigRun, records(20)],
      [
        "Word 2010's Dutch letter",
        readTemplate(wordTemplate("test_winword2010")),
        records(50, { Voornaam: "Anna", Achternaam: "de Vries", Adresregel_1: "Dorpsstraat 1" }),
      ],
      [
        "a table row per item",
        readTemplate(wordTemplate("test_merge_table_multipart")),
        records(20).map((r) => ({
          ...r,
          rows: {
            classes: Array.from({ length: 10 }, (_, i) => ({
              class_code: `C${i}`,
              class_name: `Class ${i}`,
              class_grade: "8",
            })),
          },
        })),
      ],
    ];
    for (const [, template, list] of letters) {
      const estimate = estimateMergedSize(template, list);
      const one = unzippedSize(mergeDocument(template, list));
      expect(estimate.oneDocument).toBeGreaterThanOrEqual(0.9 * one);
      expect(estimate.oneDocument).toBeLessThanOrEqual(2 * one);
      const each = mergeEach(template, list).reduce((sum, f) => sum + unzippedSize(f.bytes), 0);
      expect(estimate.perContact.total).toBeGreaterThanOrEqual(0.9 * each);
      expect(estimate.perContact.total).toBeLessThanOrEqual(2 * each);
    }
  });
});
