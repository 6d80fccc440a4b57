import { MergeError, TemplateError } from "@shared/merge/index";
import type { AppDeps } from "../../app-deps";

/**
 * Whether a letter can be joined with others into one document as it is: one with no merge
 * field left. Joining goes through the merge engine, which would empty a field still in a
 * letter (a line's own letter goes out as uploaded); such a letter, or one the engine refuses,
 * is printed on its own instead.
 */
export const isJoinable = async (
  deps: AppDeps,
  letter: Uint8Array,
  signal?: AbortSignal,
): Promise<boolean> => {
  try {
    return (await deps.workers.readLetter(letter, signal)).fieldNames.length === 0;
  } catch (error) {
    if (error instanceof TemplateError || error instanceof MergeError) return false;
    throw error;
  }
};

/**
 * Finished letters as one .docx, in the order given, each its own section with its own page
 * setup, headers and footers (the engine's mixed document, as Word's "Edit Individual
 * Documents" makes): one file to print, one conversion to PDF. In a merge thread.
 */
export const joinLetters = (
  deps: AppDeps,
  letters: readonly Uint8Array[],
  signal?: AbortSignal,
): Promise<Uint8Array> =>
  deps.workers.mergeMixedDocument(
    letters,
    letters.map((_, i) => i),
    0,
    letters.map(() => ({ values: {} })),
    signal,
  );
