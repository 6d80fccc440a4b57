import { z } from "zod";
import {
  FieldCondition,
  InteractionCondition,
  ListCondition,
  MembershipCondition,
  ProfileCondition,
} from "../criteria/criteria-tree";

/** One condition of a criteria tree exactly as the marketer wrote it (no group). */
export const TypedCondition = z.discriminatedUnion("kind", [
  FieldCondition,
  ProfileCondition,
  ListCondition,
  InteractionCondition,
  MembershipCondition,
]);
export type TypedCondition = z.infer<typeof TypedCondition>;

/**
 * Why a criteria tree holds or fails for one contact, as data the pane words in its own language:
 * the tree as it was typed (field names, operators, values, filter strings and relative dates
 * such as "last 30 days" untouched), each node marked with whether it held for the contact.
 * Only the deciding parts are kept: all of an `and` that held, the met items of an `or` that
 * held; when the tree failed, the failed items of an `and`, all of an `or`.
 */
export type ExplainedCriteria =
  | { kind: "and" | "or"; matched: boolean; items: ExplainedCriteria[] }
  | { kind: "not"; matched: boolean; item: ExplainedCriteria }
  | { kind: "condition"; matched: boolean; condition: TypedCondition };

export const ExplainedCriteria: z.ZodType<ExplainedCriteria> = z.lazy(() =>
  z.discriminatedUnion("kind", [
    z.object({
      kind: z.enum(["and", "or"]),
      matched: z.boolean(),
      items: z.array(ExplainedCriteria),
    }),
    z.object({ kind: z.literal("not"), matched: z.boolean(), item: ExplainedCriteria }),
    z.object({ kind: z.literal("condition"), matched: z.boolean(), condition: TypedCondition }),
  ]),
);
