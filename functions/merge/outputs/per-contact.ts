import type { MergedFile } from "@shared/merge/index";
import type { AppDeps } from "../../app-deps";
import { toMergeRecord, type LetterRecord } from "../letter-records";
import { resolveLineTemplates } from "../merge-template";
import { withOwnLetters } from "../own-letters";
import { resultFileName, type MergeOutput, type MergeRun } from "./merge-output";

const zipType = "application/zip";

/**
 * One .docx per letter, each merged with its own template; letters sharing one merge together,
 * each group in a merge thread of its own (in parallel where the pool has more than one).
 */
const mergeEachInItsLanguage = async (
  deps: AppDeps,
  templates: readonly Uint8Array[],
  records: readonly LetterRecord[],
  signal: AbortSignal,
  progress: MergeRun["progress"],
): Promise<MergedFile[]> => {
  const groups = new Map<Uint8Array, number[]>();
  templates.forEach((template, index) => {
    const group = groups.get(template);
    if (group) group.push(index);
    else groups.set(template, [index]);
  });
  const files: MergedFile[] = new Array<MergedFile>(records.length);
  let merged = 0;
  await Promise.all(
    [...groups].map(async ([template, indexes]) => {
      const letters = await deps.workers.mergeEach(
        template,
        indexes.map((i) => toMergeRecord(records[i] as LetterRecord)),
        signal,
      );
      indexes.forEach((i, k) => (files[i] = letters[k] as MergedFile));
      merged += indexes.length;
      await progress(merged);
    }),
  );
  return files;
};

/**
 * One .docx per contact, zipped: each line in its own language where the template has a letter
 * in it, a line's own letter in place of the merged one (as Business Central sends a unique
 * attachment), and, when asked, each contact's letter kept for the Log.
 */
export const perContact: MergeOutput = {
  produce: async (run) => {
    const { deps, tenant, header, letter, records, signal } = run;
    const templates = await resolveLineTemplates(
      deps,
      tenant,
      header,
      run.source,
      records.map((r) => ({
        interactionTemplateCode: r.line.interactionTemplateCode,
        languageCode: r.line.languageCode,
      })),
      letter,
    );
    const files = await mergeEachInItsLanguage(deps, templates, records, signal, run.progress);
    const letters = await withOwnLetters(
      deps,
      tenant,
      records,
      files.map((f) => f.bytes),
    );
    // Zipped before any letter is kept: a busy pool refuses the zip with nothing written.
    const bytes = await deps.workers.zip(
      files.map((f, i) => ({ name: f.name, bytes: letters[i] as Uint8Array })),
      { signal, handOver: !run.keep },
    );
    if (run.keep) await run.keep(letters);
    return { bytes, fileName: resultFileName(letter, header.no, "zip"), contentType: zipType };
  },
};
