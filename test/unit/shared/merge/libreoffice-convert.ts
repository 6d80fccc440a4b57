import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * LibreOffice, as the tests that print merged letters find it. Without it those tests fail and
 * say what to install: they are never skipped (.ci/run installs it).
 */
const soffice = (): string => {
  for (const candidate of ["soffice", "libreoffice"]) {
    try {
      execFileSync("which", [candidate], { stdio: "pipe" });
      return candidate;
    } catch {
      // not this one
    }
  }
  throw new Error(
    "These tests need LibreOffice to print merged letters: apt-get install libreoffice-writer-nogui.",
  );
};

/**
 * Converts each document with headless LibreOffice (`format` as `--convert-to` takes it: "pdf",
 * "fodt", "txt:Text (encoded):UTF8"), in a scratch folder with its own profile so conversions
 * never meet a running LibreOffice; the converted files by document name.
 */
export const convertWithLibreOffice = (
  documents: Readonly<Record<string, Uint8Array>>,
  format: string,
): Record<string, Buffer> => {
  const dir = mkdtempSync(join(tmpdir(), "merge-lo-"));
  try {
    const files = Object.entries(documents).map(([name, docx]) => {
      const file = join(dir, `${name}.docx`);
      writeFileSync(file, docx);
      return file;
    });
    execFileSync(
      soffice(),
      [
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        format,
        "--outdir",
        dir,
        ...files,
      ],
      { stdio: "pipe", timeout: 150_000 },
    );
    const extension = format.split(":")[0] as string;
    return Object.fromEntries(
      Object.keys(documents).map((name) => [name, readFileSync(join(dir, `${name}.${extension}`))]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** The pages of a PDF LibreOffice wrote (its page objects; it writes no compressed object streams). */
export const printedPageCount = (pdf: Uint8Array): number =>
  (
    Buffer.from(pdf)
      .toString("latin1")
      .match(/\/Type\s*\/Page[^s]/g) ?? []
  ).length;
