import type { AppDeps } from "../app-deps";
import { NotFoundError } from "../errors/app-errors";
import { withFieldMatches } from "../merge/letter-field-matches";
import { letterRecords, toMergeRecord, type LetterRecord } from "../merge/letter-records";
import { mergedLetterIdOf, ownLetterIdOf } from "../segments/line-letter-ids";
import { storedDocumentId, type DocumentId } from "../store/document-names";
import type { StoredEntry } from "../store/interaction-repository";
import type { TenantId } from "../store/tenant";

/** One entry's letter as it goes out again: named after the entry, as Business Central does. */
export interface EntryLetterFile {
  readonly entryNo: number;
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/**
 * Where an entry's letter is, by an id checked against the entry's own segment line or logged
 * segment (document-names.ts): a letter to serve as it is, or a template's letter, as the Log
 * copied it, to merge for the contact. Undefined when nothing was sent with the entry.
 */
const letterSource = (
  tenant: TenantId,
  entry: StoredEntry,
): { readonly id: DocumentId; readonly merge: boolean } | undefined => {
  const line =
    entry.segmentNo !== undefined && entry.segmentLineNo !== undefined
      ? { segmentNo: entry.segmentNo, lineNo: entry.segmentLineNo }
      : undefined;
  let id: DocumentId | undefined;
  switch (entry.keptLetter) {
    case "own":
      id = line && ownLetterIdOf(tenant, { ...line, ownLetterDocumentId: entry.documentId });
      return id && { id, merge: false };
    case "merged":
      id = line && mergedLetterIdOf(tenant, { ...line, mergedDocumentId: entry.documentId });
      return id && { id, merge: false };
    case "template":
      id =
        entry.loggedSegmentEntryNo !== undefined
          ? storedDocumentId(tenant, entry.documentId, {
              kind: "loggedLetter",
              loggedSegmentEntryNo: entry.loggedSegmentEntryNo,
            })
          : undefined;
      return id && { id, merge: true };
    case undefined:
      return undefined;
  }
};

export const hasLetter = (tenant: TenantId, entry: StoredEntry): boolean =>
  letterSource(tenant, entry) !== undefined;

const noLetter = (entryNo: number) => {
  const error = new NotFoundError("Letter of interaction log entry", String(entryNo));
  error.message = `Interaction log entry ${entryNo} has no letter: nothing was sent with it (a call, a response, or an entry logged before letters were kept).`;
  return error;
};

/** The entry with a letter, or 404: no such entry in the tenant, or nothing was sent with it. */
export const entryWithLetter = async (
  deps: AppDeps,
  tenant: TenantId,
  entryNo: number,
): Promise<StoredEntry> => {
  const entry = await deps.store.interactions.findEntry(tenant, entryNo);
  if (!entry) throw new NotFoundError("Interaction log entry", String(entryNo));
  if (!hasLetter(tenant, entry)) throw noLetter(entryNo);
  return entry;
};

/** A name every file system takes: no path separators, reserved or control characters. */
export const safeFileName = (name: string): string =>
  name.replace(/[\\/:*?"<>|\p{Cc}]/gu, "_").slice(0, 120);

const fileNameOf = (entry: StoredEntry) =>
  `${safeFileName(`${entry.entryNo} ${entry.contactName}`)}.docx`;

/**
 * The letters of entries that have one, in their order. An own or kept merged letter is the
 * very document that went out. A template's letter is the Log's copy merged for the contact as
 * a merge does (Business Central's Show Attachments merges the attachment for the entry's
 * contact too): the segment line's values as logged (the segment is read-only since), the
 * entry's date as "Today", the contact as it is now. Entries sharing a copy merge together in
 * one merge thread call.
 */
export const lettersOfEntries = async (
  deps: AppDeps,
  tenant: TenantId,
  entries: readonly StoredEntry[],
  options: { signal?: AbortSignal; progress?: (done: number) => Promise<void> } = {},
): Promise<EntryLetterFile[]> => {
  const files = new Array<Uint8Array>(entries.length);
  const toMerge = new Map<DocumentId, number[]>();
  const stored: { readonly index: number; readonly id: DocumentId }[] = [];
  entries.forEach((entry, index) => {
    const source = letterSource(tenant, entry);
    if (!source) throw noLetter(entry.entryNo);
    if (!source.merge) stored.push({ index, id: source.id });
    else toMerge.set(source.id, [...(toMerge.get(source.id) ?? []), index]);
  });
  let done = 0;
  const finished = async (count: number) => {
    done += count;
    await options.progress?.(done);
  };
  for (let k = 0; k < stored.length; k += 50) {
    const slice = stored.slice(k, k + 50);
    // A few at a time: a logged segment of thousands of own letters is not read all at once.
    await Promise.all(
      slice.map(async ({ index, id }) => {
        files[index] = await deps.store.documents.get(id);
      }),
    );
    await finished(slice.length);
  }
  for (const [copyId, indexes] of toMerge) {
    const copy = await deps.store.documents.get(copyId);
    // Grouped by segment: one segment's header and lines are read once.
    const bySegment = new Map<string, number[]>();
    for (const i of indexes) {
      const segmentNo = (entries[i] as StoredEntry).segmentNo as string;
      bySegment.set(segmentNo, [...(bySegment.get(segmentNo) ?? []), i]);
    }
    for (const [segmentNo, group] of bySegment) {
      const records = await letterRecordsOfEntries(
        deps,
        tenant,
        segmentNo,
        group.map((i) => entries[i] as StoredEntry),
      );
      // The copy merges with the Match Fields it was logged with.
      const matches = (entries[group[0] as number] as StoredEntry).letterFieldMatches ?? {};
      const merged = await deps.workers.mergeEach(
        copy,
        withFieldMatches(records, matches).map(toMergeRecord),
        options.signal,
      );
      group.forEach((i, k) => (files[i] = (merged[k] as { bytes: Uint8Array }).bytes));
      await finished(group.length);
    }
  }
  return entries.map((entry, i) => ({
    entryNo: entry.entryNo,
    fileName: fileNameOf(entry),
    bytes: files[i] as Uint8Array,
  }));
};

/**
 * The merge data of logged entries of one segment: their segment lines, kept read-only since the
 * Log, dated with each entry's date. E-mail delivery writes subjects and short bodies with it.
 */
export const letterRecordsOfEntries = async (
  deps: AppDeps,
  tenant: TenantId,
  segmentNo: string,
  entries: readonly StoredEntry[],
) => {
  const header = await deps.store.segments.headers.find(tenant, segmentNo);
  const lines = await deps.store.segments.linesByNo(
    tenant,
    segmentNo,
    entries.map((e) => e.segmentLineNo as number),
  );
  const byNo = new Map(lines.map((l) => [l.lineNo, l]));
  const lineOf = (entry: StoredEntry) => {
    const line = byNo.get(entry.segmentLineNo as number);
    if (!header || !line) throw noLetter(entry.entryNo);
    return line;
  };
  if (!header) throw noLetter((entries[0] as StoredEntry).entryNo);
  // A logged segment's entries share one date: one read of the data per date, not per entry.
  const records = new Array<LetterRecord>(entries.length);
  const byDate = new Map<string, number[]>();
  entries.forEach((e, i) => byDate.set(e.date, [...(byDate.get(e.date) ?? []), i]));
  for (const [date, indexes] of byDate) {
    const dated = await letterRecords(
      deps,
      tenant,
      header,
      indexes.map((i) => lineOf(entries[i] as StoredEntry)),
      date,
    );
    indexes.forEach((i, k) => (records[i] = dated[k] as LetterRecord));
  }
  return records;
};
