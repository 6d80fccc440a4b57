import type { SegmentLine } from "@shared/model/segment";
import type { AppDeps } from "../app-deps";
import { stampChange } from "../audit/stamp";
import { NotFoundError } from "../errors/app-errors";
import type { Identity } from "../auth/identity";
import { newDocumentId } from "../store/document-names";
import { ownLetterIdOf } from "./line-letter-ids";
import { withSegmentLock } from "./segment-lock";
import { assertOpen } from "./segment-service";

const lineOf = async (deps: AppDeps, identity: Identity, segmentNo: string, lineNo: number) => {
  const segments = deps.store.segments;
  const key = segments.lineKey(segmentNo, lineNo);
  const raw = await segments.lines.findDoc(identity.tenantId, key);
  if (!raw) throw new NotFoundError("Segment line", `${segmentNo} ${lineNo}`);
  return { key, raw: raw as SegmentLine & Record<string, unknown> & { _etag: string } };
};

const saveLine = async (
  deps: AppDeps,
  identity: Identity,
  key: string,
  raw: Record<string, unknown> & { _etag: string },
  changes: object,
) => {
  const segments = deps.store.segments;
  const body = Object.fromEntries(
    Object.entries(raw).filter(
      ([k]) => !k.startsWith("_") && !["id", "pk", "tenantId", "docType"].includes(k),
    ),
  );
  return segments.lines.replace(
    identity.tenantId,
    key,
    {
      ...body,
      ...changes,
      ...stampChange(
        raw as unknown as { createdAt: string; createdBy: string },
        identity,
        deps.now(),
      ),
    },
    raw._etag,
  );
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
