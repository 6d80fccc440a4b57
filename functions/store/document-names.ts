import { createHash, randomUUID } from "node:crypto";
import type { TenantId } from "./tenant";

/**
 * The names of documents in Blob Storage, built here and nowhere else. A document id is the
 * blob's whole name: `{tenant}/{folder}/{key}/.../{uuid}{extension}`, made of the caller's
 * tenant, the kind of document, its owner's keys and a UUID the server draws. No part comes from
 * a request as text: keys are encoded so that none can hold `/`, `.` or `%` (a segment No.
 * `X/../T` cannot reach segment T's folder, nor leave the tenant's), and every id read back from
 * a Cosmos item must match the one pattern below, name the caller's tenant and the expected
 * owner, or it is refused and never reaches Blob Storage.
 */
export type DocumentId = string & { readonly __brand: "DocumentId" };

/** Whose document it is: the kind and the keys of the entity it belongs to. */
export type DocumentOwner =
  | {
      readonly kind: "templateLetter";
      readonly templateCode: string;
      readonly languageCode: string;
    }
  | { readonly kind: "lineLetter"; readonly segmentNo: string; readonly lineNo: number }
  /** The segment's working letter outside Word (each version a new blob). */
  | { readonly kind: "segmentLetter"; readonly segmentNo: string }
  | { readonly kind: "mergedLetter"; readonly segmentNo: string; readonly lineNo: number }
  | { readonly kind: "mergeResult"; readonly jobId: string }
  /** A template's letter as a Log used it, copied once per logged segment (and letter). */
  | { readonly kind: "loggedLetter"; readonly loggedSegmentEntryNo: number }
  /** A send job's hard-copy letters for printing: a PDF or a .docx, typed on the blob. */
  | { readonly kind: "printFile"; readonly jobId: string };

export type DocumentKind = DocumentOwner["kind"];

const layouts: Record<DocumentKind, { readonly folder: string; readonly extension: string }> = {
  templateLetter: { folder: "templates", extension: ".docx" },
  lineLetter: { folder: "line-letters", extension: ".docx" },
  segmentLetter: { folder: "segment-letters", extension: ".docx" },
  mergedLetter: { folder: "merged", extension: ".docx" },
  // A merge result is a .docx or a zip; its content type is stored on the blob.
  mergeResult: { folder: "merge-results", extension: "" },
  loggedLetter: { folder: "logged-letters", extension: ".docx" },
  printFile: { folder: "print-files", extension: "" },
};

const ownerKeys = (owner: DocumentOwner): string[] => {
  switch (owner.kind) {
    case "templateLetter":
      return [owner.templateCode, owner.languageCode];
    case "lineLetter":
    case "mergedLetter":
      return [owner.segmentNo, String(owner.lineNo)];
    case "segmentLetter":
      return [owner.segmentNo];
    case "mergeResult":
    case "printFile":
      return [owner.jobId];
    case "loggedLetter":
      return [String(owner.loggedSegmentEntryNo)];
  }
};

/**
 * A key as one part of a name: letters, digits and `-` stay; every other byte of its UTF-8 form
 * (`/`, `.`, space, `_` itself, Æ...) becomes `_XX`. The result never holds `/`, `.` or `%`, and
 * two keys never encode alike.
 */
export const encodeKeyPart = (key: string): string => {
  let out = "";
  for (const byte of Buffer.from(key, "utf8")) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9-]/.test(c) ? c : `_${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
};

const tenantPart = "[A-Za-z0-9][A-Za-z0-9-]{0,63}";
const folderPart = Object.values(layouts)
  .map((l) => l.folder)
  .join("|");
const keyPart = "(?:[A-Za-z0-9-]|_[0-9A-F]{2}){1,400}";
const uuidPart = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** The one pattern every document id matches. */
export const documentIdPattern = new RegExp(
  `^(${tenantPart})/(${folderPart})/((?:${keyPart}/){1,4})(${uuidPart})(\\.docx)?$`,
);

/** The parts of a well-formed document id; undefined when it is not one. */
const parse = (value: unknown) => {
  if (typeof value !== "string" || value.length > 1024) return undefined;
  const m = documentIdPattern.exec(value);
  if (!m) return undefined;
  const [, tenant, folder, keys, , extension = ""] = m as unknown as string[];
  return { tenant, folder, keys: (keys as string).slice(0, -1).split("/"), extension };
};

/** True when the id is exactly the name this owner's documents get in this tenant (any UUID). */
const belongsTo = (id: string, tenant: TenantId, owner: DocumentOwner): boolean => {
  const parts = parse(id);
  const layout = layouts[owner.kind];
  const keys = ownerKeys(owner).map(encodeKeyPart);
  return (
    !!parts &&
    parts.tenant === tenant &&
    parts.folder === layout.folder &&
    parts.extension === layout.extension &&
    parts.keys.length === keys.length &&
    parts.keys.every((k, i) => k === keys[i])
  );
};

/** A new, never used id for a document of this owner in this tenant. */
export const newDocumentId = (tenant: TenantId, owner: DocumentOwner): DocumentId => {
  const layout = layouts[owner.kind];
  const keys = ownerKeys(owner).map(encodeKeyPart).join("/");
  const id = `${tenant}/${layout.folder}/${keys}/${randomUUID()}${layout.extension}`;
  // Keys too long or empty would make a name no reader accepts: fail before anything is written.
  if (!belongsTo(id, tenant, owner)) throw new Error(`Cannot name a ${owner.kind} document`);
  return id as DocumentId;
};

/**
 * The one id of the document `name` of this owner: the same on every call, so a step that a
 * crash interrupted writes the same blob again instead of leaving a second one behind. Only for
 * documents nothing refers to until the step is recorded as done (a Log's copies of template
 * letters, recorded in its run before any entry names them).
 */
export const fixedDocumentId = (
  tenant: TenantId,
  owner: DocumentOwner,
  name: string,
): DocumentId => {
  const layout = layouts[owner.kind];
  const keys = ownerKeys(owner).map(encodeKeyPart).join("/");
  const hex = createHash("sha256")
    .update(JSON.stringify([tenant, owner.kind, keys, name]))
    .digest("hex");
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  const id = `${tenant}/${layout.folder}/${keys}/${uuid}${layout.extension}`;
  if (!belongsTo(id, tenant, owner)) throw new Error(`Cannot name a ${owner.kind} document`);
  return id as DocumentId;
};

/**
 * A document id read back from a stored item, accepted only if it is well formed and names this
 * tenant and this owner. Anything else (another tenant's name, a `..`, an id written before
 * names were built here) is refused: undefined, and the caller treats the document as absent.
 */
export const storedDocumentId = (
  tenant: TenantId,
  value: unknown,
  owner: DocumentOwner,
): DocumentId | undefined =>
  typeof value === "string" && belongsTo(value, tenant, owner) ? (value as DocumentId) : undefined;

/** For the blob client's last check: a name that does not match the pattern is never sent. */
export const isDocumentId = (value: unknown): value is DocumentId => parse(value) !== undefined;
