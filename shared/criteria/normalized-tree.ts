import type { InteractionCondition, ListCondition, MembershipCondition } from "./criteria-tree";
import type { FieldType } from "./fields";
import type { FieldValue } from "./literals";

/**
 * A criteria tree after normalize.ts: every field condition names its document path and type,
 * has a concrete operator and typed values, and no filter strings or relative dates are left.
 * This is the only input the two back ends (evaluate.ts, compile-sql.ts) accept, so they never
 * re-validate and cannot disagree about what a condition means.
 *
 * Invariants both back ends rely on:
 * - `ignoreCase` conditions carry lower-cased string values (the document side is lowered when
 *   compared);
 * - no string value is "" (eq "" became `empty`, ne "" `notEmpty`);
 * - date values are ISO dates (yyyy-mm-dd); date conditions compare by day (see date-bounds.ts);
 * - between has [low, high] of one type; string-matching operators have string values;
 * - no boolean is ordered (lt/le/gt/ge/between never carry one).
 */

interface FieldBase {
  readonly kind: "field";
  /** The catalog name (city, custom.branche): for explanations and error messages. */
  readonly field: string;
  readonly path: readonly string[];
  readonly type: FieldType;
  readonly ignoreCase: boolean;
}

export type NormalizedFieldCondition = FieldBase &
  (
    | { readonly op: "empty" | "notEmpty" }
    | { readonly op: "eq" | "ne" | "lt" | "le" | "gt" | "ge"; readonly value: FieldValue }
    | { readonly op: "startsWith" | "endsWith" | "contains" | "like"; readonly value: string }
    | { readonly op: "in" | "notIn"; readonly values: readonly FieldValue[] }
    | { readonly op: "between"; readonly values: readonly [FieldValue, FieldValue] }
  );

/** The answer is compared as text, case-insensitively: the condition's values are lower-cased strings. */
export type NormalizedProfileCondition = {
  readonly kind: "profile";
  readonly questionnaire: string;
  readonly question: string;
} & (
  | { readonly op: "empty" | "notEmpty" }
  | {
      readonly op:
        "eq" | "ne" | "lt" | "le" | "gt" | "ge" | "startsWith" | "endsWith" | "contains" | "like";
      readonly value: string;
    }
  | { readonly op: "in" | "notIn"; readonly values: readonly string[] }
  | { readonly op: "between"; readonly values: readonly [string, string] }
);

/** Lists stored on the contact itself, tested in the document. */
export type NormalizedOwnListCondition = ListCondition & {
  readonly list: "mailingGroups" | "jobResponsibilities";
};

/** Lists of the contact's company, resolved by the caller to a set of company numbers. */
export type NormalizedCompanyListCondition = ListCondition & {
  readonly list: "industryGroups" | "businessRelations";
};

/** `from` and `to` are absolute ISO dates (inclusive) by now. */
export type NormalizedInteractionCondition = InteractionCondition;

export type NormalizedNode =
  | { readonly kind: "and"; readonly items: readonly NormalizedNode[] }
  | { readonly kind: "or"; readonly items: readonly NormalizedNode[] }
  | { readonly kind: "not"; readonly item: NormalizedNode }
  | NormalizedFieldCondition
  | NormalizedProfileCondition
  | NormalizedOwnListCondition
  | NormalizedCompanyListCondition
  | NormalizedInteractionCondition
  | MembershipCondition;

export type NormalizedExternalCondition =
  NormalizedCompanyListCondition | NormalizedInteractionCondition | MembershipCondition;

export const isCompanyList = (node: ListCondition): node is NormalizedCompanyListCondition =>
  node.list === "industryGroups" || node.list === "businessRelations";
