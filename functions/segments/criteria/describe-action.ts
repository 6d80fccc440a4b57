import { describeCondition } from "@shared/criteria/describe-condition";
import type { NormalizedNode } from "@shared/criteria/normalized-tree";
import type { CriteriaActionKind } from "@shared/model/criteria-action";

const kindNames: Record<CriteriaActionKind, string> = {
  addContacts: "Add Contacts",
  reduceContacts: "Reduce Contacts",
  refineContacts: "Refine Contacts",
  manualAdd: "Added by hand",
  manualRemove: "Removed by hand",
  reuseSegment: "Reuse Segment",
  refresh: "Refresh",
};

/** A tree in one line: `city = "aarhus c" and (postCode between 8000 and 8999 or ...)`. */
export const describeTree = (node: NormalizedNode, top = true): string => {
  switch (node.kind) {
    case "and":
    case "or": {
      const text = node.items.map((item) => describeTree(item, false)).join(` ${node.kind} `);
      return top || node.items.length === 1 ? text : `(${text})`;
    }
    case "not":
      return `not (${describeTree(node.item, true)})`;
    default:
      return describeCondition(node);
  }
};

/** The line shown in the list of criteria actions, at most 250 characters. */
export const describeAction = (kind: CriteriaActionKind, detail: string): string => {
  const text = detail ? `${kindNames[kind]}: ${detail}` : kindNames[kind];
  return text.length > 250 ? `${text.slice(0, 249)}…` : text;
};
