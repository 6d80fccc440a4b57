import type { MergeIssue, MergeRecord } from "@shared/merge/index";
import { leftEmpty } from "@shared/letter/field-matching";
import type { AppDeps } from "../app-deps";
import type { LineLetters } from "./line-letters";
import type { CheckNotes } from "./worker/merge-task";

/**
 * Check for Errors over a document of mixed letters: each line's record against its own letter
 * (a field only the Danish letter shows is no finding for an English line), each letter in one
 * merge thread call with the records of its lines as that letter's Match Fields read them. Issues name records by their place in the
 * whole segment; field names are every letter's, the segment's letter's first.
 */
export const checkEachLetter = async (
  deps: AppDeps,
  lineLetters: LineLetters,
  records: readonly MergeRecord[],
  notes: CheckNotes,
  signal?: AbortSignal,
): Promise<{ readonly fieldNames: readonly string[]; readonly issues: MergeIssue[] }> => {
  const groups = new Map<number, number[]>([[lineLetters.destination, []]]);
  lineLetters.letterOf.forEach((at, index) => {
    const group = groups.get(at);
    if (group) group.push(index);
    else groups.set(at, [index]);
  });
  const fieldNames = new Set<string>();
  const issues: MergeIssue[] = [];
  // One letter at a time: a full pool refuses more than its queue.
  for (const [at, indexes] of groups) {
    if (indexes.length === 0) continue;
    const letter = lineLetters.letters[at];
    if (!letter) continue;
    const found = await deps.workers.check(
      letter.bytes,
      indexes.map((i) => records[i] as MergeRecord),
      {
        emailField: notes.emailField,
        email: indexes.map((i) => notes.email[i] ?? false),
        names: indexes.map((i) => notes.names[i] ?? `record ${i + 1}`),
        leftEmpty: leftEmpty(letter.matches),
      },
      signal,
    );
    for (const name of found.fieldNames) fieldNames.add(name);
    for (const issue of found.issues)
      issues.push(
        issue.record === undefined ? issue : { ...issue, record: indexes[issue.record] as number },
      );
  }
  return { fieldNames: [...fieldNames], issues };
};
