import type { LetterSummary, MergeWorkers } from "../merge/worker/merge-workers";

/**
 * Accepts a letter only if it is a Word document the merge engine can read (the same checks:
 * no DTDs, size and zip-bomb limits); a TemplateError becomes a 4xx answer at the edge. Reading
 * a letter is CPU work that grows with it, so it runs in a merge thread, off the event loop.
 */
export const readWordDocument = (
  workers: MergeWorkers,
  bytes: Uint8Array,
): Promise<LetterSummary> => workers.readLetter(bytes);
