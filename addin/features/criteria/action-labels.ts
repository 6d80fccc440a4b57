import type { CriteriaActionKind } from "@shared/model/criteria-action";
import type { MessageKey } from "../../i18n/en-US";

/** The names of criteria actions as Business Central shows them, in the pane's language. */
export const ACTION_KIND_LABEL: Record<CriteriaActionKind, MessageKey> = {
  addContacts: "criteria.add",
  reduceContacts: "criteria.reduce",
  refineContacts: "criteria.refine",
  manualAdd: "criteria.kind.manualAdd",
  manualRemove: "criteria.kind.manualRemove",
  reuseSegment: "criteria.reuseSegment",
  refresh: "criteria.refresh",
};
