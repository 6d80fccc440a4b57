/**
 * The LibreOffice pool (functions/convert/pdf-converter.ts) with real soffice processes: a
 * conversion past its time is killed with its whole process tree, a file LibreOffice cannot
 * read fails with the reason, and a full pool refuses at once while conversions really run.
 */
import { readdirSync, readFileSync } from "fs";
import {
  ConversionFailedError,
  ConversionTimeoutError,
  ConverterBusyError,
} from "../../../../functions/errors/app-errors";
import { createPdfConverter } from "../../../../functions/convert/pdf-converter";
import { buildDocx, p, t } from "../../../unit/shared/merge/docx-builder";

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

/**
 * The converter rejects as soon as it has sent SIGKILL, before the kernel has reaped the group:
 * what is still there after a grace of up to a second (a process that survived the kill would
 * run on for many seconds).
 */
const processesLeftAfterKill = async (directory: string): Promise<number[]> => {
  for (let i = 0; i < 50 && processesUsing(directory).length > 0; i++)
    await new Promise((resolve) => setTimeout(resolve, 20));
  return processesUsing(directory);
};

const letter = buildDocx({ body: p(t("Kære Anna,")) });
/** Thousands of pages: LibreOffice, starting with a new profile, needs far longer than 1.5 s. */
const long = buildDocx({
  body: Array.from({ length: 20_000 }, (_, i) => p(t(`Afsnit ${i} `.repeat(20)))).join(""),
});

describe("PDF converter pool", () => {
  it("kills the conversion's process tree when it runs out of time", async () => {
    const converter = createPdfConverter({ size: 1, maxQueue: 0, timeoutMs: 1_500 });
    try {
      const directory = await converter.directory();
      const seen = new Set<number>();
      // Watch the processes while the conversion runs, so the test knows they existed.
      const watch = setInterval(
        () => processesUsing(directory).forEach((pid) => seen.add(pid)),
        20,
      );
      const error = await converter.convert(long).catch((e: unknown) => e);
      clearInterval(watch);
      expect(error).toBeInstanceOf(ConversionTimeoutError);
      // soffice and the soffice.bin it started ran...
      expect(seen.size).toBeGreaterThan(1);
      // ...and were killed as a group: nothing of them is left once the kill lands.
      expect(await processesLeftAfterKill(directory)).toEqual([]);
    } finally {
      await converter.close();
    }
  });

  it("kills a conversion that cannot finish in its time, leaving no process", async () => {
    // One millisecond: no LibreOffice reads a letter that fast.
    const converter = createPdfConverter({ size: 1, maxQueue: 0, timeoutMs: 1 });
    try {
      const directory = await converter.directory();
      await expect(converter.convert(letter)).rejects.toBeInstanceOf(ConversionTimeoutError);
      expect(await processesLeftAfterKill(directory)).toEqual([]);
    } finally {
      await converter.close();
    }
  });

  it("fails with the reason when LibreOffice cannot read the file", async () => {
    const converter = createPdfConverter({ size: 1, maxQueue: 0, timeoutMs: 120_000 });
    try {
      const error = await converter
        .convert(new TextEncoder().encode("PK\u0003\u0004 not a zip"))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConversionFailedError);
      expect((error as Error).message).toMatch(/LibreOffice could not convert/);
    } finally {
      await converter.close();
    }
  });

  it("refuses at once when every process is busy and the queue is full; the others finish", async () => {
    const converter = createPdfConverter({ size: 2, maxQueue: 1, timeoutMs: 120_000 });
    try {
      const outcomes = await Promise.allSettled(
        [1, 2, 3, 4, 5].map(() => converter.convert(letter)),
      );
      const refused = outcomes.filter((o) => o.status === "rejected");
      expect(refused).toHaveLength(2);
      for (const r of refused)
        expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ConverterBusyError);
      for (const o of outcomes.filter((o) => o.status === "fulfilled"))
        expect(
          Buffer.from((o as PromiseFulfilledResult<Uint8Array>).value.subarray(0, 5)).toString(),
        ).toBe("%PDF-");
      expect(converter.load).toEqual({ running: 0, waiting: 0 });
    } finally {
      await converter.close();
    }
  });
});
