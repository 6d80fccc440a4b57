import type { CriteriaActionKind } from "@shared/model/criteria-action";
import type { MessageKey } from "../../i18n/en-US";

/** The names of criteria actions as Business Central shows them, in the pane's language. */
export const ACTION_KIND_LABEL: Record<CriteriaActionKind, MessageKey> = {
  addContacts: "pa.criteria.add",
  reduceContacts: "pa.criteria.reduce",
  refineContacts: "pa.criteria.refine",
  manualAdd: "pa.criteria.kind.manualAdd",
  manualRemove: "pa.criteria.kind.manualRemove",
  reuseSegment: "pa.criteria.reuseSegment",
  refresh: "pa.criteria.refresh",
};
