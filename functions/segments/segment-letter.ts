import type { SegmentLetter } from "@shared/model/segment-letter";
import type { AppDeps } from "../app-deps";
import type { Identity } from "../auth/identity";
import { NotFoundError } from "../errors/app-errors";
import { newDocumentId } from "../store/document-names";
import { assertOpen } from "./segment-service";

/**
 * The segment's working letter outside Word (browser, Teams): kept with the segment, so a reload
 * finds it and another segment never shows it. Each upload is a new blob and a new version; the
 * item names the current one, and its ETag guards against overwriting a colleague's version.
 */
export const segmentLetter = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
): Promise<SegmentLetter> => {
  await deps.store.segments.headers.get(identity.tenantId, segmentNo);
  const letter = await deps.store.segmentLetters.find(identity.tenantId, segmentNo);
  if (!letter) throw new NotFoundError("Letter of segment", segmentNo);
  return letter;
};

export const segmentLetterContent = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
): Promise<{ fileName: string; bytes: Uint8Array }> => {
  const letter = await segmentLetter(deps, identity, segmentNo);
  const id = await deps.store.segmentLetters.documentOf(identity.tenantId, segmentNo);
  if (!id) throw new NotFoundError("Letter of segment", segmentNo);
  return { fileName: letter.fileName, bytes: await deps.store.documents.get(id) };
};

export const putSegmentLetter = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  bytes: Uint8Array,
  fileName: string,
  ifMatch: string | undefined,
): Promise<SegmentLetter> => {
  const tenant = identity.tenantId;
  assertOpen(await deps.store.segments.headers.get(tenant, segmentNo));
  // Refuses what is not a Word document (a 4xx naming the body) before anything is written.
  await deps.workers.readLetter(bytes);
  const documentId = newDocumentId(tenant, { kind: "segmentLetter", segmentNo });
  await deps.store.documents.put(documentId, bytes, { fileName });
  let saved: Awaited<ReturnType<typeof deps.store.segmentLetters.saveVersion>>;
  try {
    saved = await deps.store.segmentLetters.saveVersion(
      tenant,
      segmentNo,
      {
        documentId,
        fileName,
        size: bytes.byteLength,
        uploadedAt: deps.now().toISOString(),
        uploadedBy: identity.userName || identity.userId,
      },
      ifMatch,
    );
  } catch (error) {
    // Refused (stale version, store down): the new blob belongs to nothing.
    await deps.store.documents.delete(documentId);
    throw error;
  }
  if (saved.replaced) await deps.store.documents.delete(saved.replaced);
  return saved.letter;
};

export const deleteSegmentLetter = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  ifMatch: string,
): Promise<void> => {
  const tenant = identity.tenantId;
  assertOpen(await deps.store.segments.headers.get(tenant, segmentNo));
  if (!(await deps.store.segmentLetters.find(tenant, segmentNo)))
    throw new NotFoundError("Letter of segment", segmentNo);
  const id = await deps.store.segmentLetters.remove(tenant, segmentNo, ifMatch);
  if (id) await deps.store.documents.delete(id);
};
