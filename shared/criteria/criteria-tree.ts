import { z } from "zod";
import { Code, Evaluation } from "../model/common";
import { shapeIssues } from "./criteria-bounds";

/**
 * The filter language of segments: a tree whose leaves test one thing about a contact and whose
 * inner nodes combine with AND, OR and NOT. Business Central's dialog (sections ANDed, values of a
 * field ORed) is the common case: a top-level `and` of sections, each field's filter string
 * parsed into an `or`. Two back ends give it meaning and must agree: the SQL compiler
 * (compile-sql.ts) and the in-memory evaluator (evaluate.ts).
 */

export const Operator = z.enum([
  "eq",
  "ne",
  "in",
  "notIn",
  "startsWith",
  "endsWith",
  "contains",
  /** A pattern: ? is one character, * any run at the start or end (like-pattern.ts). */
  "like",
  "empty",
  "notEmpty",
  "lt",
  "le",
  "gt",
  "ge",
  "between",
]);
export type Operator = z.infer<typeof Operator>;

/** A scalar in a condition. Dates are ISO dates or relative expressions (see relative-date.ts). */
export const Scalar = z.union([z.string().max(250), z.number(), z.boolean()]);
export type Scalar = z.infer<typeof Scalar>;

/**
 * A condition on one contact field (see fields.ts for the catalog and which operators fit which
 * type), or on a custom field as `custom.<key>`. Either `op` with `value`/`values`, or a Business
 * Central filter string in `filter` (`10000..20000`, `A*|B*`, `<>X`, `''`), parsed into the same
 * tree before anything runs.
 */
export const FieldCondition = z.object({
  kind: z.literal("field"),
  field: z.string().min(1).max(60),
  op: Operator.optional(),
  value: Scalar.optional(),
  /** For in/notIn, and [from, to] for between. */
  values: z.array(Scalar).max(10_000).optional(),
  filter: z.string().max(1000).optional(),
  /**
   * Compare strings case-insensitively on a field that is otherwise exact (code): what a Business
   * Central filter's `@` asks for. Text fields always ignore case.
   */
  ignoreCase: z.boolean().optional(),
});
export type FieldCondition = z.infer<typeof FieldCondition>;

/**
 * A question's answers are at most 100 (profile-questionnaire.ts): a list longer than that
 * cannot all be answers of one question.
 */
export const MAX_PROFILE_ANSWERS = 100;

/**
 * A profile questionnaire answer: the contact answered `question` of `questionnaire` with a
 * matching answer. Several answers of the question ticked, as Business Central ticks answer
 * lines, are `op: "in"` with `values`: a contact with any of them matches. One answer is
 * `op: "eq"` with `value`, as every row was written before several could be ticked.
 */
export const ProfileCondition = z.object({
  kind: z.literal("profile"),
  questionnaire: Code,
  question: z.string().min(1).max(50),
  op: Operator.default("eq"),
  value: Scalar.optional(),
  values: z.array(Scalar).max(MAX_PROFILE_ANSWERS).optional(),
});
export type ProfileCondition = z.infer<typeof ProfileCondition>;

/**
 * Code lists: mailing groups and job responsibilities on the contact itself; industry groups and
 * business relations matched through the contact's company (a company through its own).
 * `any`: at least one of the codes; `all`: every code; `none`: none of them.
 */
export const ListCondition = z.object({
  kind: z.literal("list"),
  list: z.enum(["mailingGroups", "jobResponsibilities", "industryGroups", "businessRelations"]),
  match: z.enum(["any", "all", "none"]).default("any"),
  codes: z.array(Code).min(1).max(1000),
});
export type ListCondition = z.infer<typeof ListCondition>;

/** Contacts with (or without) interaction log entries matching every given part. */
export const InteractionCondition = z.object({
  kind: z.literal("interactions"),
  has: z.boolean().default(true),
  /** Absolute (2026-01-31) or relative (-30D, today, last month, this year); inclusive. */
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  interactionTemplateCode: Code.optional(),
  campaignNo: Code.optional(),
  segmentNo: Code.optional(),
  evaluation: Evaluation.optional(),
  salespersonCode: Code.optional(),
});
export type InteractionCondition = z.infer<typeof InteractionCondition>;

/** Contacts on (or not on) another segment's lines, or among a logged segment's contacts. */
export const MembershipCondition = z
  .object({
    kind: z.literal("segment"),
    in: z.boolean().default(true),
    segmentNo: Code.optional(),
    loggedSegmentEntryNo: z.number().int().min(1).optional(),
  })
  .refine((m) => (m.segmentNo === undefined) !== (m.loggedSegmentEntryNo === undefined), {
    message: "name exactly one of segmentNo and loggedSegmentEntryNo",
    path: ["segmentNo"],
  });
export type MembershipCondition = z.infer<typeof MembershipCondition>;

export type CriteriaNode =
  | { kind: "and"; items: CriteriaNode[] }
  | { kind: "or"; items: CriteriaNode[] }
  | { kind: "not"; item: CriteriaNode }
  | FieldCondition
  | ProfileCondition
  | ListCondition
  | InteractionCondition
  | MembershipCondition;

// A discriminated union: a wrong tree is reported against the branch its `kind` names, not as
// "no union member matched".
export const CriteriaNode: z.ZodType<CriteriaNode> = z.lazy(() =>
  z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("and"), items: z.array(CriteriaNode).min(1).max(100) }),
    z.object({ kind: z.literal("or"), items: z.array(CriteriaNode).min(1).max(100) }),
    z.object({ kind: z.literal("not"), item: CriteriaNode }),
    FieldCondition,
    ProfileCondition,
    ListCondition,
    InteractionCondition,
    MembershipCondition,
  ]),
);

/**
 * A tree as a request sends it: the node schema within the bounds of criteria-bounds.ts, each
 * broken bound an issue naming its rule. The HTTP edge bounds JSON depth before any schema runs,
 * so the recursion above never meets a tree deeper than the stack.
 */
export const CriteriaTree: z.ZodType<CriteriaNode> = CriteriaNode.superRefine((tree, ctx) => {
  for (const issue of shapeIssues(tree))
    ctx.addIssue({
      code: "custom",
      path: [...issue.path],
      message: issue.message,
      params: { rule: issue.rule },
    });
});

/** Conditions that need other documents than the contact: resolved to sets before they run. */
export type ExternalCondition =
  | InteractionCondition
  | MembershipCondition
  | (ListCondition & { list: "industryGroups" | "businessRelations" });
