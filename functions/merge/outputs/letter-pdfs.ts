import { ConversionFailedError, ConversionTimeoutError } from "../../errors/app-errors";
import type { MergeRun } from "./merge-output";
import { mergeOneDocument } from "./one-document";

/** Each letter's PDF in record order, or why LibreOffice could not make it. */
export type LetterPdf =
  { readonly pdf: Uint8Array } | { readonly error: ConversionFailedError | ConversionTimeoutError };

const isConversionError = (
  error: unknown,
): error is ConversionFailedError | ConversionTimeoutError =>
  error instanceof ConversionFailedError || error instanceof ConversionTimeoutError;

/** The run narrowed to some of its records (indices into run.records), each with its letter. */
const narrowed = (run: MergeRun, indices: readonly number[]): MergeRun => {
  const lineLetters = run.lineLetters;
  return {
    ...run,
    records: indices.map((i) => run.records[i] as MergeRun["records"][number]),
    lineLetters: lineLetters && {
      ...lineLetters,
      letterOf: indices.map((i) => lineLetters.letterOf[i] ?? lineLetters.destination),
    },
  };
};

/** These records merged into one document, converted once and split per letter. */
const convert = async (
  run: MergeRun,
  indices: readonly number[],
): Promise<readonly Uint8Array[]> => {
  const docx = await mergeOneDocument(narrowed(run, indices), true);
  const pdf = await run.deps.pdf.convert(docx, run.signal);
  return run.deps.workers.splitPdf(pdf, indices.length, run.signal);
};

/**
 * One PDF per letter. The whole merge is converted once; only when LibreOffice refuses it are
 * the letters converted apart, to find the ones it cannot convert: by letter (a line's own
 * template, language or upload), then within a letter that fails. A letter that fails alone and
 * with the rest of its lines fails them all (three conversions, not one per line); one that
 * converts alone is halved until the failing lines are found. Anything but a conversion failure
 * (a cancel, a busy pool) ends the run as it would have.
 */
export const letterPdfs = async (run: MergeRun): Promise<readonly LetterPdf[]> => {
  const all = run.records.map((_, i) => i);
  try {
    return (await convert(run, all)).map((pdf) => ({ pdf }));
  } catch (error) {
    if (!isConversionError(error) || all.length <= 1) throw error;
  }
  const out = new Array<LetterPdf | undefined>(all.length);
  const attempt = async (indices: readonly number[]): Promise<LetterPdf | undefined> => {
    try {
      const pdfs = await convert(run, indices);
      indices.forEach((index, k) => (out[index] = { pdf: pdfs[k] as Uint8Array }));
      return undefined;
    } catch (error) {
      if (!isConversionError(error)) throw error;
      return { error };
    }
  };
  const halve = async (indices: readonly number[]): Promise<void> => {
    const failed = await attempt(indices);
    if (!failed) return;
    if (indices.length === 1) {
      out[indices[0] as number] = failed;
      return;
    }
    const middle = Math.ceil(indices.length / 2);
    await halve(indices.slice(0, middle));
    await halve(indices.slice(middle));
  };
  const letterOf = (i: number) => run.lineLetters?.letterOf[i] ?? run.lineLetters?.destination ?? 0;
  const groups = new Map<number, number[]>();
  for (const i of all) {
    const group = groups.get(letterOf(i));
    if (group) group.push(i);
    else groups.set(letterOf(i), [i]);
  }
  for (const indices of groups.values()) {
    const failed = await attempt(indices);
    if (!failed) continue;
    const [first, ...rest] = indices as [number, ...number[]];
    if (rest.length === 0) {
      out[first] = failed;
      continue;
    }
    const alone = await attempt([first]);
    if (!alone) {
      await halve(rest);
      continue;
    }
    out[first] = alone;
    const others = await attempt(rest);
    if (others) for (const i of rest) out[i] = others;
  }
  const letters = out as LetterPdf[];
  const firstError = letters.find((l): l is Extract<LetterPdf, { error: unknown }> => "error" in l);
  // Nothing converted: the job fails with LibreOffice's reason, as a one-document PDF does.
  if (firstError && letters.every((l) => "error" in l)) throw firstError.error;
  return letters;
};
