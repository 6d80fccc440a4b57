import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  ConversionFailedError,
  ConversionTimeoutError,
  ConverterBusyError,
} from "../errors/app-errors";

export interface PdfConverterSettings {
  /** LibreOffice processes converting at once. */
  readonly size: number;
  /** Conversions that may wait for one; the next is refused (503). */
  readonly maxQueue: number;
  /** A conversion running longer is killed with its process tree. */
  readonly timeoutMs: number;
  /** The soffice binary; "soffice" on the PATH by default. */
  readonly soffice?: string;
  /** Where profiles and conversions go; a new directory in the system's temp by default. */
  readonly workDir?: string;
}

export interface PdfConverter {
  /**
   * A .docx as PDF, Word's bookmarks exported as the PDF's named destinations (how
   * split-letters.ts finds each letter). Refuses at once with ConverterBusyError when every
   * process is busy and the queue is full.
   */
  convert(docx: Uint8Array, signal?: AbortSignal): Promise<Uint8Array>;
  /** Conversions running and waiting now. */
  readonly load: { readonly running: number; readonly waiting: number };
  /** The directory holding this pool's profiles and conversions. */
  directory(): Promise<string>;
  /** Removes the processes' profiles; conversions still running finish first. */
  close(): Promise<void>;
}

const filter =
  'pdf:writer_pdf_Export:{"ExportBookmarksToPDFDestination":{"type":"boolean","value":"true"}}';

interface Slot {
  readonly index: number;
  /** The slot's own LibreOffice profile: two processes sharing one would wait for each other. */
  readonly profile: string;
}

/**
 * A bounded pool of headless LibreOffice processes. Each slot owns a profile directory, created
 * by its first conversion and reused after (a fresh profile costs seconds), so conversions run
 * side by side. The process runs in its own process group: a timeout or a cancel kills the
 * group, soffice's oosplash wrapper and the soffice.bin it starts together.
 */
export const createPdfConverter = (settings: PdfConverterSettings): PdfConverter => {
  const root = mkdtemp(join(settings.workDir ?? tmpdir(), "mergeline-pdf-"));
  const free: Slot[] = [];
  const waiting: ((slot: Slot) => void)[] = [];
  let running = 0;
  let created = 0;

  const acquire = async (): Promise<Slot> => {
    const slot = free.pop();
    if (slot) return slot;
    if (created < settings.size) {
      const index = created++;
      return { index, profile: join(await root, `profile-${index}`) };
    }
    if (waiting.length >= settings.maxQueue)
      throw new ConverterBusyError(settings.size, settings.maxQueue);
    return new Promise<Slot>((resolve) => waiting.push(resolve));
  };
  const release = (slot: Slot) => {
    const next = waiting.shift();
    if (next) next(slot);
    else free.push(slot);
  };

  const run = async (slot: Slot, docx: Uint8Array, signal?: AbortSignal): Promise<Uint8Array> => {
    const dir = await mkdtemp(join(await root, `job-${slot.index}-`));
    try {
      const input = join(dir, "letters.docx");
      await writeFile(input, docx);
      await mkdir(slot.profile, { recursive: true });
      const stderr = await soffice(
        settings.soffice ?? "soffice",
        [
          `-env:UserInstallation=${pathToFileURL(slot.profile).href}`,
          "--headless",
          "--norestore",
          "--nolockcheck",
          "--convert-to",
          filter,
          "--outdir",
          dir,
          input,
        ],
        settings.timeoutMs,
        signal,
      );
      try {
        return new Uint8Array(await readFile(join(dir, "letters.pdf")));
      } catch {
        // soffice exits 0 when it cannot read a file; only the missing PDF says so.
        throw new ConversionFailedError(
          `it wrote no PDF (${stderr.trim().split("\n").pop() || "no message"}).`,
        );
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  return {
    convert: async (docx, signal) => {
      signal?.throwIfAborted();
      const slot = await acquire();
      running++;
      try {
        return await run(slot, docx, signal);
      } finally {
        running--;
        release(slot);
      }
    },
    get load() {
      return { running, waiting: waiting.length };
    },
    directory: () => root,
    close: async () => {
      await rm(await root, { recursive: true, force: true });
    },
  };
};

/**
 * Runs soffice; resolves with its stderr, rejects on a timeout, a cancel or a failed exit. A
 * timeout or cancel kills the process group and rejects at once, without waiting for output
 * pipes a surviving child could hold open.
 */
const soffice = (
  command: string,
  args: readonly string[],
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<string> =>
  new Promise<string>((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      if (stderr.length < 4096) stderr += chunk;
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      outcome();
    };
    const killGroup = (why: Error) => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
      settle(() => reject(why));
    };
    const timer = setTimeout(() => killGroup(new ConversionTimeoutError(timeoutMs)), timeoutMs);
    const onAbort = () =>
      killGroup(signal?.reason instanceof Error ? signal.reason : new Error("canceled"));
    signal?.addEventListener("abort", onAbort, { once: true });
    child.on("error", (error) =>
      settle(() =>
        reject(new ConversionFailedError(`soffice could not start (${error.message}).`)),
      ),
    );
    child.on("close", (code) =>
      settle(() =>
        code === 0
          ? resolve(stderr)
          : reject(new ConversionFailedError(`soffice ended with code ${code}: ${stderr.trim()}`)),
      ),
    );
  });
