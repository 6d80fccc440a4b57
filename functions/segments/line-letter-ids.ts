import { storedDocumentId, type DocumentId } from "../store/document-names";
import type { TenantId } from "../store/tenant";

/** What a stored line says about its letters (StoredLine, or the raw item). */
export interface LineLetterRefs {
  readonly segmentNo: string;
  readonly lineNo: number;
  readonly ownLetterDocumentId?: unknown;
  readonly mergedDocumentId?: unknown;
}

/** The line's own letter: only an id that names this tenant's own letter of this very line. */
export const ownLetterIdOf = (tenant: TenantId, line: LineLetterRefs): DocumentId | undefined =>
  storedDocumentId(tenant, line.ownLetterDocumentId, {
    kind: "lineLetter",
    segmentNo: line.segmentNo,
    lineNo: line.lineNo,
  });

/** The merged letter a merge kept for the line, on the same terms. */
export const mergedLetterIdOf = (tenant: TenantId, line: LineLetterRefs): DocumentId | undefined =>
  storedDocumentId(tenant, line.mergedDocumentId, {
    kind: "mergedLetter",
    segmentNo: line.segmentNo,
    lineNo: line.lineNo,
  });
