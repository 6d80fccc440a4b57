import type { z } from "zod";
import { TemplateError } from "@shared/merge/index";
import type { MergeTemplateSource } from "@shared/model/merge-job";
import type { AppDeps } from "../app-deps";
import { NotFoundError, ValidationError } from "../errors/app-errors";
import { ownLetterIdOf } from "../segments/line-letter-ids";
import type { SegmentHeader, StoredLine } from "../store/segment-repository";
import type { TenantId } from "../store/tenant";
import { resolveLineTemplates, type LetterBytes } from "./merge-template";

/** Each line's letter for one merged document, every distinct letter once. */
export interface LineLetters {
  /** Each distinct letter once; the segment's letter first. */
  readonly letters: readonly Uint8Array[];
  /** For each line, in the lines' order, the index of its letter in `letters`. */
  readonly letterOf: readonly number[];
  /** The segment's letter: the document the others are spliced into. */
  readonly destination: number;
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
 * refuses answers 422 naming the lines and the letter, with nothing written.
 */
export const resolveLineLetters = async (
  deps: AppDeps,
  tenant: TenantId,
  header: SegmentHeader,
  source: z.infer<typeof MergeTemplateSource> | undefined,
  lines: readonly StoredLine[],
  segmentLetter: LetterBytes,
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
  const letters: Uint8Array[] = [segmentLetter.bytes];
  const usedBy = new Map<number, StoredLine[]>();
  const letterOf = lines.map((line, i) => {
    const bytes = own[i] ?? (templates[i] as Uint8Array);
    let at = index.get(bytes);
    if (at === undefined) {
      at = letters.length;
      index.set(bytes, at);
      letters.push(bytes);
    }
    usedBy.set(at, [...(usedBy.get(at) ?? []), line]);
    return at;
  });
  // The segment's letter was read already; the others one at a time (a full pool refuses more).
  for (let at = 1; at < letters.length; at++) {
    try {
      await deps.workers.readLetter(letters[at] as Uint8Array);
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      const users = usedBy.get(at) ?? [];
      const first = users[0] as StoredLine;
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
  }
  return { letters, letterOf, destination: 0 };
};
