import { likeMatches, readLikePattern } from "./like-pattern";
import type { ContactDocLike } from "./contact-doc-like";
import { dayBounds, isDateComparison, type DateComparison } from "./date-bounds";
import type { FieldValue } from "./literals";
import type { NormalizedOperand } from "./normalize-operand";
import {
  isCompanyList,
  type NormalizedFieldCondition,
  type NormalizedNode,
  type NormalizedProfileCondition,
} from "./normalized-tree";
import type { ResolvedSets } from "./resolved-sets";

export type { ContactDocLike } from "./contact-doc-like";
export type { ResolvedSets } from "./resolved-sets";

/**
 * THE SEMANTICS OF A CRITERIA TREE. compile-sql.ts implements exactly the same on Cosmos DB's
 * three-valued SQL; test/integration/shared/criteria/criteria-equivalence.test.ts holds the two
 * to it on random trees and contacts.
 *
 * Two-valued logic: every condition is true or false for every contact, so `not` is always the
 * exact complement, and and/or are the ordinary ones.
 *
 * Empty: a field that is missing, null or "" (or holds an array or object) is empty. On an empty
 * field `empty` is true and `notEmpty` false; `eq`, `in`, `lt`, `le`, `gt`, `ge`, `between`,
 * `startsWith`, `endsWith` and `contains` are false; `ne` and `notIn`, being `not eq` and
 * `not in`, are true. (A comparison value is never "": normalize.ts turns eq '' into empty.)
 *
 * Types: a value only matches a stored value of its own JSON type. A custom field holding 42 is
 * not `eq "42"` (so it is `ne "42"`), and never `lt "5"`. Booleans have no order.
 *
 * Strings: fields with `ignoreCase` (text fields, custom fields, profile answers, code fields
 * under a filter's `@`) compare the stored value lower-cased (String.prototype.toLowerCase,
 * as the embedded engine's LOWER does) with values normalize.ts lower-cased; code and enum
 * fields compare exactly. Strings order by UTF-16 code units, which is JavaScript's `<` and
 * the embedded engine's; Azure Cosmos DB orders by UTF-8 bytes, which differs only between
 * characters above U+FFFF and U+E000-U+FFFF.
 *
 * Dates: by day, against the stored ISO date or date-time string (date-bounds.ts).
 *
 * Lists on the contact (mailingGroups, jobResponsibilities): `any` = shares a code with the
 * condition's codes, `all` = has every one of them, `none` = shares none; a missing list is
 * empty (so `none` is true).
 *
 * Lists of the company (industryGroups, businessRelations): through ResolvedSets.companiesFor;
 * a company (type "company") matches through its own number, anyone else through companyNo.
 * `none` is the complement of the set (see resolved-sets.ts).
 *
 * Profile: true when some entry of profileAnswers has the questionnaire and the question
 * (exactly) and an answer that satisfies op/value as a text field would. So `ne "x"` asks for
 * an answer other than "x" to that question, not for the absence of "x".
 *
 * Interactions and segment membership: the contact's number in ResolvedSets.contactsFor;
 * `has: false` and `in: false` are the complements.
 */
export const evaluate = (
  node: NormalizedNode,
  contact: ContactDocLike,
  sets: ResolvedSets,
): boolean => {
  switch (node.kind) {
    case "and":
      return node.items.every((item) => evaluate(item, contact, sets));
    case "or":
      return node.items.some((item) => evaluate(item, contact, sets));
    case "not":
      return !evaluate(node.item, contact, sets);
    default:
      return leafMatches(node, contact, sets);
  }
};

type Leaf = Exclude<NormalizedNode, { kind: "and" | "or" | "not" }>;

const leafMatches = (node: Leaf, contact: ContactDocLike, sets: ResolvedSets): boolean => {
  switch (node.kind) {
    case "field":
      return fieldMatches(node, read(contact, node.path));
    case "profile":
      return profileMatches(node, contact.profileAnswers);
    case "list": {
      if (isCompanyList(node)) {
        const key = contact.type === "company" ? contact.no : contact.companyNo;
        const inSet = typeof key === "string" && sets.companiesFor(node).has(key);
        return node.match === "none" ? !inSet : inSet;
      }
      const own = contact[node.list];
      const list: readonly unknown[] = Array.isArray(own) ? own : [];
      if (node.match === "all")
        return Array.isArray(own) && node.codes.every((c) => list.includes(c));
      const any = list.some((v) => typeof v === "string" && node.codes.includes(v));
      return node.match === "none" ? !any : any;
    }
    case "interactions":
    case "segment": {
      const inSet = typeof contact.no === "string" && sets.contactsFor(node).has(contact.no);
      return (node.kind === "interactions" ? node.has : node.in) === false ? !inSet : inSet;
    }
  }
};

/** What the SQL path expression yields: undefined wherever a step is not an object's own key. */
const read = (doc: unknown, path: readonly string[]): unknown => {
  let value = doc;
  for (const key of path) {
    if (
      value === null ||
      typeof value !== "object" ||
      Array.isArray(value) ||
      !Object.hasOwn(value, key)
    ) {
      return undefined;
    }
    value = (value as Record<string, unknown>)[key];
  }
  return value;
};

const hasValue = (x: unknown): x is FieldValue =>
  typeof x === "number" || typeof x === "boolean" || (typeof x === "string" && x !== "");

const profileMatches = (node: NormalizedProfileCondition, answers: unknown): boolean =>
  Array.isArray(answers) &&
  answers.some((entry: unknown) => {
    if (entry === null || typeof entry !== "object") return false;
    const { questionnaire, question, answer } = entry as Record<string, unknown>;
    return (
      questionnaire === node.questionnaire &&
      question === node.question &&
      operandMatches(node, answer, true)
    );
  });

const fieldMatches = (node: NormalizedFieldCondition, x: unknown): boolean =>
  isDateComparison(node) ? dateMatches(node, x) : operandMatches(node, x, node.ignoreCase);

const dateMatches = (node: DateComparison, x: unknown): boolean => {
  const { atLeast, below } = dayBounds(node);
  const within =
    typeof x === "string" &&
    x !== "" &&
    (atLeast === undefined || x >= atLeast) &&
    (below === undefined || x < below);
  return node.op === "ne" ? !within : within;
};

const operandMatches = (operand: NormalizedOperand, x: unknown, ignoreCase: boolean): boolean => {
  const value = hasValue(x) ? x : undefined;
  const stored = typeof value === "string" && ignoreCase ? value.toLowerCase() : value;
  const sameType = (v: FieldValue) => stored !== undefined && typeof stored === typeof v;
  switch (operand.op) {
    case "empty":
      return value === undefined;
    case "notEmpty":
      return value !== undefined;
    case "eq":
      return sameType(operand.value) && stored === operand.value;
    case "ne":
      return !(sameType(operand.value) && stored === operand.value);
    case "in":
      return operand.values.some((v) => sameType(v) && stored === v);
    case "notIn":
      return !operand.values.some((v) => sameType(v) && stored === v);
    case "lt":
      return sameType(operand.value) && (stored as FieldValue) < operand.value;
    case "le":
      return sameType(operand.value) && (stored as FieldValue) <= operand.value;
    case "gt":
      return sameType(operand.value) && (stored as FieldValue) > operand.value;
    case "ge":
      return sameType(operand.value) && (stored as FieldValue) >= operand.value;
    case "between": {
      const [low, high] = operand.values;
      return (
        sameType(low) &&
        sameType(high) &&
        (stored as FieldValue) >= low &&
        (stored as FieldValue) <= high
      );
    }
    case "startsWith":
      return typeof stored === "string" && stored.startsWith(operand.value);
    case "endsWith":
      return typeof stored === "string" && stored.endsWith(operand.value);
    case "contains":
      return typeof stored === "string" && stored.includes(operand.value);
    case "like":
      return typeof stored === "string" && likeMatches(readLikePattern(operand.value), stored);
  }
};
