import { ownLetterIssue, type OwnLetterIssue } from "@shared/letter/own-letter-issue";
import type { AppDeps } from "../app-deps";
import { NotFoundError } from "../errors/app-errors";
import { ownLetterIdOf } from "../segments/line-letter-ids";
import type { TenantId } from "../store/tenant";
import type { LetterRecord } from "./letter-records";

/** Check for Errors' note for each line that has its own letter. */
export const ownLetterIssues = (records: readonly LetterRecord[]): OwnLetterIssue[] =>
  records.flatMap((r, index) =>
    r.line.attachment?.kind === "unique"
      ? [
          ownLetterIssue(
            { contactNo: r.line.contactNo, name: r.name, lineNo: r.line.lineNo },
            r.line.attachment.fileName,
            index,
          ),
        ]
      : [],
  );

/**
 * The per-contact files, each own letter in place of the merged copy of the segment's letter:
 * a line's unique attachment is what goes out for that contact, as in Business Central.
 */
export const withOwnLetters = (
  deps: AppDeps,
  tenant: TenantId,
  records: readonly LetterRecord[],
  merged: readonly Uint8Array[],
): Promise<Uint8Array[]> =>
  Promise.all(
    records.map((r, index) => {
      if (r.line.attachment?.kind !== "unique") return Promise.resolve(merged[index] as Uint8Array);
      const id = ownLetterIdOf(tenant, r.line);
      return id
        ? deps.store.documents.get(id)
        : Promise.reject(
            new NotFoundError("Own letter of segment line", `${r.line.segmentNo} ${r.line.lineNo}`),
          );
    }),
  );
