import type { InteractionCondition, ListCondition, MembershipCondition } from "./criteria-tree";

/**
 * Conditions that need other documents than the contact (interaction log entries, segment
 * lines, companies' lists) are resolved by the caller BEFORE a tree runs, into sets of numbers;
 * both back ends then only ask "is this contact's number in the set".
 *
 * The caller gets exactly the normalized nodes of the tree (see externalConditions() to list
 * them), so it may key its answers by node identity.
 */
export interface ResolvedSets {
  /**
   * The contact numbers with matching interaction log entries (every given part, dates
   * inclusive), or on the segment's lines / the logged segment's contacts. Always the POSITIVE
   * set, whatever `has` or `in` says: `has: false` and `in: false` are the complement, taken
   * by the back ends.
   */
  contactsFor(node: InteractionCondition | MembershipCondition): ReadonlySet<string>;
  /**
   * The numbers of the companies whose own list (industryGroups or businessRelations) has
   * at least one of `node.codes` when `node.match` is "any" OR "none", and every one of them
   * when it is "all". "none" is the complement of "any", taken by the back ends. A company
   * matches through its own number; a person through its `companyNo` (a person without a
   * company matches none of any/all, so it does match "none").
   */
  companiesFor(node: ListCondition): ReadonlySet<string>;
}
