import type { z } from "zod";
import { TemplateError } from "@shared/merge/index";
import type { MergeTemplateSource } from "@shared/model/merge-job";
import type { AppDeps } from "../app-deps";
import { NotFoundError, ValidationError } from "../errors/app-errors";
import { ownLetterIdOf } from "../segments/line-letter-ids";
import type { SegmentHeader, StoredLine } from "../store/segment-repository";
import type { TenantId } from "../store/tenant";
import { unmatchedFields } from "@shared/letter/field-matching";
import type { FieldMatchSuggestion } from "@shared/model/field-match";
import { withFieldMatches } from "./letter-field-matches";
import type { LetterRecord } from "./letter-records";
import { resolveLineTemplates, type LetterBytes } from "./merge-template";

/** Each line's letter for one merged document, every distinct letter once. */
export interface LineLetters {
  /** Each distinct letter once, with its Match Fields; the segment's letter first. */
  readonly letters: readonly LetterBytes[];
  /** For each line, in the lines' order, the index of its letter in `letters`. */
  readonly letterOf: readonly number[];
  /** The segment's letter: the document the others are spliced into. */
  readonly destination: number;
  /**
   * The other letters' fields that are neither Mergeline's, matched nor left empty, with the
   * lines that use them: Check for Errors lists them (the merge refuses them before this).
   */
  readonly unmatched: readonly {
    readonly lines: readonly number[];
    readonly letter: string;
    readonly fields: readonly FieldMatchSuggestion[];
  }[];
}

const describe = (line: StoredLine, header: SegmentHeader): string =>
  line.attachment?.kind === "unique"
    ? `its own letter ${line.attachment.fileName}`
    : `the letter of interaction template ${line.interactionTemplateCode ?? header.interactionTemplateCode ?? "(uploaded)"}${line.languageCode ? ` in ${line.languageCode}` : ""}`;

/**
 * The letters of one document with mixed letters, as one document per contact chooses them
 * (resolveLineTemplates: the line's own interaction template in its language, else the
 * segment's letter), and a line's own uploaded letter in its place, as Business Central sends a
 * unique attachment. Every letter is read here, before the job exists: a letter the engine
 * refuses, or (with `refuseUnmatched`, as a merge asks) one with fields neither Mergeline's,
 * matched nor left empty, answers 422 naming the lines and the letter, with nothing written.
 * A contact's own letter has nowhere to keep matches: its fields must be Mergeline's.
 */
export const resolveLineLetters = async (
  deps: AppDeps,
  tenant: TenantId,
  header: SegmentHeader,
  source: z.infer<typeof MergeTemplateSource> | undefined,
  lines: readonly StoredLine[],
  segmentLetter: LetterBytes,
  { refuseUnmatched }: { readonly refuseUnmatched: boolean },
): Promise<LineLetters> => {
  const templates = await resolveLineTemplates(
    deps,
    tenant,
    header,
    source,
    lines.map((l) => ({
      interactionTemplateCode: l.interactionTemplateCode,
      languageCode: l.languageCode,
    })),
    segmentLetter,
  );
  const own = await Promise.all(
    lines.map((line) => {
      if (line.attachment?.kind !== "unique") return undefined;
      const id = ownLetterIdOf(tenant, line);
      if (!id)
        throw new NotFoundError("Own letter of segment line", `${line.segmentNo} ${line.lineNo}`);
      return deps.store.documents.get(id);
    }),
  );
  const index = new Map<Uint8Array, number>([[segmentLetter.bytes, 0]]);
  const letters: LetterBytes[] = [segmentLetter];
  const usedBy = new Map<number, StoredLine[]>();
  const letterOf = lines.map((line, i) => {
    const ownBytes = own[i];
    const letter: LetterBytes =
      ownBytes && line.attachment?.kind === "unique"
        ? { bytes: ownBytes, fileName: line.attachment.fileName, matches: {} }
        : (templates[i] as LetterBytes);
    let at = index.get(letter.bytes);
    if (at === undefined) {
      at = letters.length;
      index.set(letter.bytes, at);
      letters.push(letter);
    }
    const users = usedBy.get(at);
    if (users) users.push(line);
    else usedBy.set(at, [line]);
    return at;
  });
  // The segment's letter was read already; the others one at a time (a full pool refuses more).
  const unmatched: { lines: number[]; letter: string; fields: FieldMatchSuggestion[] }[] = [];
  for (let at = 1; at < letters.length; at++) {
    const letter = letters[at] as LetterBytes;
    const users = usedBy.get(at) ?? [];
    const first = users[0] as StoredLine;
    let fieldNames: readonly string[];
    try {
      ({ fieldNames } = await deps.workers.readLetter(letter.bytes));
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      const message = `Line ${users.map((l) => l.lineNo).join(", ")}: ${describe(first, header)} cannot be merged: ${error.message}`;
      throw new ValidationError(
        users.map((line) => ({
          in: "body",
          field: `lines.${line.lineNo}.letter`,
          rule: error.code,
          message: `${describe(line, header)} cannot be merged: ${error.message}`,
        })),
        message,
        422,
      );
    }
    // Word's Match Fields, letter by letter: each keeps its own matches.
    const fields = unmatchedFields(fieldNames, letter.matches);
    if (fields.length === 0) continue;
    if (refuseUnmatched)
      throw new ValidationError(
        users.flatMap((line) =>
          fields.map((f) => ({
            in: "body" as const,
            field: `lines.${line.lineNo}.letter.${f.field}`,
            rule: "fields_unmatched",
            message:
              `${describe(line, header)} has the field "${f.field}", which is not a Mergeline field: ` +
              "match it (Match Fields on the template's letter) or leave it empty",
          })),
        ),
        `Line ${users.map((l) => l.lineNo).join(", ")}: ${describe(first, header)} has fields that are not Mergeline's: ${fields.map((f) => f.field).join(", ")}.`,
        422,
      );
    unmatched.push({ lines: users.map((l) => l.lineNo), letter: describe(first, header), fields });
  }
  return { letters, letterOf, destination: 0, unmatched };
};

/**
 * Each line's record as its own letter reads it: the segment's letter's matches are the job's
 * already; a line with another letter takes that letter's matches too.
 */
export const recordsForEachLetter = (
  lineLetters: LineLetters,
  records: readonly LetterRecord[],
): LetterRecord[] =>
  records.map((record, i) => {
    const at = lineLetters.letterOf[i] ?? lineLetters.destination;
    if (at === lineLetters.destination) return record;
    const letter = lineLetters.letters[at] as LetterBytes;
    return withFieldMatches([record], letter.matches)[0] as LetterRecord;
  });
