import type { MergedFile } from "@shared/merge/index";
import type { AppDeps } from "../../app-deps";
import { toMergeRecord, type LetterRecord } from "../letter-records";
import { customKeysOf } from "@shared/letter/merge-fields";
import { assertAllMatched, withFieldMatches } from "../letter-field-matches";
import { resolveLineTemplates, type LetterBytes } from "../merge-template";
import { withOwnLetters } from "../own-letters";
import { resultFileName, type MergeOutput, type MergeRun } from "./merge-output";

const zipType = "application/zip";

/**
 * One .docx per letter, each merged with its own template; letters sharing one merge together,
 * each group in a merge thread of its own (in parallel where the pool has more than one).
 */
const mergeEachInItsLanguage = async (
  deps: AppDeps,
  segmentLetter: LetterBytes,
  templates: readonly LetterBytes[],
  records: readonly LetterRecord[],
  signal: AbortSignal,
  progress: MergeRun["progress"],
): Promise<MergedFile[]> => {
  const groups = new Map<LetterBytes, number[]>();
  templates.forEach((template, index) => {
    const group = groups.get(template);
    if (group) group.push(index);
    else groups.set(template, [index]);
  });
  const files: MergedFile[] = new Array<MergedFile>(records.length);
  let merged = 0;
  await Promise.all(
    [...groups].map(async ([template, indexes]) => {
      // Each letter with its own Match Fields (the segment's are applied by the job already).
      const group = indexes.map((i) => records[i] as LetterRecord);
      const matched =
        template === segmentLetter ? group : withFieldMatches(group, template.matches);
      const letters = await deps.workers.mergeEach(
        template.bytes,
        matched.map(toMergeRecord),
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
    // A line's other letter is held to Match Fields as the segment's is, before anything merges.
    const others = [...new Set(templates)].filter((t) => t !== letter);
    for (const other of others)
      assertAllMatched(
        (await deps.workers.readLetter(other.bytes, signal)).fieldNames,
        other.matches,
        customKeysOf(records),
      );
    const files = await mergeEachInItsLanguage(
      deps,
      letter,
      templates,
      records,
      signal,
      run.progress,
    );
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
