import type { MergeOutputKind } from "@shared/model/merge-job";
import type { MergeOutput } from "./merge-output";
import { labels } from "./labels";
import { oneDocument } from "./one-document";
import { perContact } from "./per-contact";
import { documentPdf, perContactPdf } from "./pdf-outputs";

/**
 * Every output a merge request may ask for, by the kind the contract names. A kind added to
 * MergeOutputKind without its output here does not compile.
 */
export const mergeOutputs: Readonly<Record<MergeOutputKind, MergeOutput>> = {
  document: oneDocument,
  perContact,
  labels,
  documentPdf,
  perContactPdf,
};
