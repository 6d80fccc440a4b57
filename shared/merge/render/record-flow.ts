import type { FlowExpr } from "../compile/compiled-part";
import type { MergeRecord } from "../merge-record";
import { holds, type EvaluationContext } from "./evaluate-field";

/**
 * Which records one letter shows, as Word's NEXT, NEXTIF and SKIPIF decide it: stretch 0 (up to
 * the first record field) shows `stretches[0]`, the text after record field k shows
 * `stretches[k + 1]`. An index at or past the end of the records is a record that is not
 * there: its fields are empty, as Word leaves them on the last letter.
 */
export interface LetterPlan {
  /** Record index per stretch (steps + 1 of them), never decreasing. */
  readonly stretches: readonly number[];
  /** MERGESEQ per stretch: the records merged before it in the output, plus its own. */
  readonly sequences: readonly number[];
  /** The first record index of the letter (what names its file). */
  readonly first: number;
}

/** Builds the context a comparison is evaluated in: the record, its MERGEREC and MERGESEQ. */
export type ContextOf = (index: number, sequence: number) => EvaluationContext;

/**
 * The letters the records make, in order. Word's rules: NEXT takes the next record; NEXTIF
 * takes it only when its comparison holds for the current record; SKIPIF, when its comparison
 * holds, cancels the whole letter (every record it had taken, none of them merged) and starts a
 * new letter with the record after the current one. A letter ends after its last record field;
 * the next one begins with the record after the last one taken. MERGESEQ counts only the
 * records of letters that are written.
 *
 * The comparisons are evaluated before the letter is rendered, so a skipped letter costs no
 * ids, bookmarks or notes, and every letter knows whether it is the last.
 */
export function* planLetters(
  steps: readonly FlowExpr[],
  records: readonly MergeRecord[],
  contextOf: ContextOf,
  /** False where a letter must come out for its record (one per contact, the preview). */
  skipping = true,
  /** Records merged before these (MERGESEQ goes on from there). */
  mergedBefore = 0,
): Generator<LetterPlan> {
  let start = 0;
  let merged = mergedBefore;
  const count = records.length;
  while (start < count) {
    const stretches = [start];
    const sequences = [merged + 1];
    let at = start;
    let sequence = merged + 1;
    let context: EvaluationContext | undefined;
    const current = (): EvaluationContext => (context ??= contextOf(at, sequence));
    let skipped = false;
    for (const step of steps) {
      const condition = step.condition;
      if (step.flow === "SKIPIF") {
        if (skipping && at < count && condition && holds(condition, current())) {
          skipped = true;
          break;
        }
      } else if (step.flow === "NEXT" || (at < count && condition && holds(condition, current()))) {
        at++;
        context = undefined;
        if (at < count) sequence++;
      }
      stretches.push(at);
      sequences.push(sequence);
    }
    if (skipped) {
      start = at + 1;
      continue;
    }
    merged = sequence;
    yield { stretches, sequences, first: start };
    start = at + 1;
  }
}
