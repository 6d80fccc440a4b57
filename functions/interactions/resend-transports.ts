import { docxType } from "@shared/model/api/docx-type";
import type { ResendVia } from "@shared/model/resend";
import type { AppDeps } from "../app-deps";
import type { MergeOutputFile } from "../merge/outputs/merge-output";
import type { EntryLetterFile } from "./entry-letters";

/** How the letters are handed over: one .docx alone, or every letter zipped. */
export interface ResendPackaging {
  readonly single: boolean;
  readonly fileName: string;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Where resent letters go. A transport hands the letters over and answers the file the caller
 * gets back. "download" hands them to the caller; e-mail (a later issue) sends each letter to
 * its entry's contact and answers a report, and is one more entry here and in ResendVia.
 */
export interface ResendTransport {
  deliver(
    deps: AppDeps,
    letters: readonly EntryLetterFile[],
    packaging: ResendPackaging,
  ): Promise<MergeOutputFile>;
}

const download: ResendTransport = {
  deliver: async (deps, letters, { single, fileName, signal }) => {
    const [only] = letters;
    if (single && only)
      return { bytes: only.bytes, fileName: only.fileName, contentType: docxType };
    const bytes = await deps.workers.zip(
      letters.map((l) => ({ name: l.fileName, bytes: l.bytes })),
      { signal, handOver: true },
    );
    return { bytes, fileName, contentType: "application/zip" };
  },
};

/** Every transport by the name a request gives; a ResendVia without one does not compile. */
export const resendTransports: Readonly<Record<ResendVia, ResendTransport>> = { download };
