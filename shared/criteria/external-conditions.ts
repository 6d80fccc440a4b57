import {
  isCompanyList,
  type NormalizedExternalCondition,
  type NormalizedNode,
} from "./normalized-tree";

/**
 * The conditions of a tree that ResolvedSets must answer, in tree order: the very node objects
 * the back ends will pass to contactsFor/companiesFor, so a caller can resolve each once and
 * key the answers by node.
 */
export const externalConditions = (node: NormalizedNode): NormalizedExternalCondition[] => {
  switch (node.kind) {
    case "and":
    case "or":
      return node.items.flatMap(externalConditions);
    case "not":
      return externalConditions(node.item);
    case "interactions":
    case "segment":
      return [node];
    case "list":
      return isCompanyList(node) ? [node] : [];
    default:
      return [];
  }
};
