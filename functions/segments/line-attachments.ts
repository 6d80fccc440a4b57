import type { SegmentLine } from "@shared/model/segment";
import type { AppDeps } from "../app-deps";
import { stampChange } from "../audit/stamp";
import { NotFoundError } from "../errors/app-errors";
import type { Identity } from "../auth/identity";
import { newDocumentId } from "../store/document-names";
import type { StoredLine } from "../store/segment-repository";
import { ownLetterIdOf } from "./line-letter-ids";
import { withSegmentLock } from "./segment-lock";
import { assertOpen } from "./segment-service";

const lineOf = async (deps: AppDeps, identity: Identity, segmentNo: string, lineNo: number) => {
  const segments = deps.store.segments;
  const line = await segments.storedLine(identity.tenantId, segmentNo, lineNo);
  if (!line) throw new NotFoundError("Segment line", `${segmentNo} ${lineNo}`);
  return { key: segments.lineKey(segmentNo, lineNo), raw: line };
};

/** Writes the line back whole, with what only the store shows, if it is still as read. */
const saveLine = async (
  deps: AppDeps,
  identity: Identity,
  key: string,
  raw: StoredLine,
  changes: object,
) => {
  const { etag, ...body } = raw;
  const saved = await deps.store.segments.lines.replace(
    identity.tenantId,
    key,
    { ...body, ...changes, ...stampChange(raw, identity, deps.now()) },
    etag,
  );
  // The letter a Log would keep changed: the segment's ETag changes with it.
  await deps.store.segments.linesChanged(identity.tenantId, raw.segmentNo);
  return saved;
};

/** A contact's own letter (customized after editing) instead of the segment's. */
export const uploadLineAttachment = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  lineNo: number,
  bytes: Uint8Array,
  fileName: string,
): Promise<SegmentLine> => {
  // Cheap refusals first; the letter is read in a merge thread before the segment is held, so
  // the hold covers only the writes.
  assertOpen(await deps.store.segments.headers.get(identity.tenantId, segmentNo));
  await lineOf(deps, identity, segmentNo, lineNo);
  await deps.workers.readLetter(bytes);
  // Held like any change of the lines: a Log starting meanwhile must not see one letter and
  // keep a reference to another, nor find its letter deleted.
  return withSegmentLock(deps, identity, segmentNo, "changeLineLetter", async () => {
    assertOpen(await deps.store.segments.headers.get(identity.tenantId, segmentNo));
    const { key, raw } = await lineOf(deps, identity, segmentNo, lineNo);
    const id = newDocumentId(identity.tenantId, { kind: "lineLetter", segmentNo, lineNo });
    await deps.store.documents.put(id, bytes, { fileName });
    let saved: SegmentLine;
    try {
      saved = await saveLine(deps, identity, key, raw, {
        attachment: { kind: "unique", fileName, uploadedAt: deps.now().toISOString() },
        ownLetterDocumentId: id,
      });
    } catch (error) {
      // The line still names its old letter (or none): the new one belongs to nothing.
      await deps.store.documents.delete(id);
      throw error;
    }
    const replaced = ownLetterIdOf(identity.tenantId, { ...raw, segmentNo, lineNo });
    if (replaced) await deps.store.documents.delete(replaced);
    return saved;
  });
};

export const lineAttachment = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  lineNo: number,
) => {
  const { raw } = await lineOf(deps, identity, segmentNo, lineNo);
  const id = ownLetterIdOf(identity.tenantId, { ...raw, segmentNo, lineNo });
  if (raw.attachment.kind !== "unique" || !id)
    throw new NotFoundError("Own letter of segment line", `${segmentNo} ${lineNo}`);
  return { fileName: raw.attachment.fileName, bytes: await deps.store.documents.get(id) };
};

export const deleteLineAttachment = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  lineNo: number,
): Promise<SegmentLine> =>
  withSegmentLock(deps, identity, segmentNo, "changeLineLetter", async () => {
    assertOpen(await deps.store.segments.headers.get(identity.tenantId, segmentNo));
    const { key, raw } = await lineOf(deps, identity, segmentNo, lineNo);
    if (raw.attachment.kind !== "unique")
      return deps.store.segments.lines.get(identity.tenantId, key);
    const saved = await saveLine(deps, identity, key, raw, {
      attachment: { kind: "inherited" },
      ownLetterDocumentId: undefined,
    });
    const id = ownLetterIdOf(identity.tenantId, { ...raw, segmentNo, lineNo });
    if (id) await deps.store.documents.delete(id);
    return saved;
  });
