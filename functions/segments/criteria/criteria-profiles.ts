import type { CriteriaNode, ProfileCondition } from "@shared/criteria/criteria-tree";
import type { ProblemError } from "@shared/model/problem";
import { ValidationError } from "../../errors/app-errors";
import { isMiss, ProfileLookup } from "../../setup/profile-lookup";
import type { Store } from "../../store/store";
import type { TenantId } from "../../store/tenant";

interface Placed {
  readonly node: ProfileCondition;
  readonly path: string;
}

const profileConditions = (node: CriteriaNode, path: string): Placed[] => {
  if (node.kind === "and" || node.kind === "or")
    return node.items.flatMap((item, i) => profileConditions(item, `${path}.items.${i}`));
  if (node.kind === "not") return profileConditions(node.item, `${path}.item`);
  return node.kind === "profile" ? [{ node, path }] : [];
};

/** The answers a condition names as such; patterns and ranges are not answers to look up. */
const namedAnswers = (node: ProfileCondition, path: string): { value: string; at: string }[] => {
  if (node.op === "eq" || node.op === "ne")
    return typeof node.value === "string" ? [{ value: node.value, at: `${path}.value` }] : [];
  if (node.op === "in" || node.op === "notIn")
    return (node.values ?? []).flatMap((v, i) =>
      typeof v === "string" ? [{ value: v, at: `${path}.values.${i}` }] : [],
    );
  return [];
};

/**
 * A profile condition must name a questionnaire, a question of it and answers of that question
 * as the tenant set them up, as criteria-codes.ts asks of codes: a typo answers 422 with the
 * nearest rather than silently matching nobody. A tenant without any questionnaire is not
 * checked, as a code table without rows is not.
 */
export const checkCriteriaProfiles = async (
  store: Store,
  tenant: TenantId,
  filter: CriteriaNode,
  field = "filter",
): Promise<void> => {
  const placed = profileConditions(filter, field);
  if (placed.length === 0) return;
  const lookup = new ProfileLookup(await store.profileQuestionnaires.allOfTenant(tenant));
  if (lookup.isEmpty) return;
  const errors: ProblemError[] = [];
  const exists = (at: string, message: string) =>
    errors.push({ in: "body", field: at, rule: "exists", message });
  for (const { node, path } of placed) {
    const questionnaire = lookup.questionnaire(node.questionnaire);
    if (isMiss(questionnaire)) {
      exists(`${path}.questionnaire`, questionnaire.miss);
      continue;
    }
    const question = lookup.question(questionnaire, node.question);
    if (isMiss(question)) {
      exists(`${path}.question`, question.miss);
      continue;
    }
    for (const { value, at } of namedAnswers(node, path)) {
      const answer = lookup.answer(question, value);
      if (isMiss(answer)) exists(at, answer.miss);
    }
  }
  if (errors.length)
    throw new ValidationError(
      errors,
      "The criteria name profile questions or answers that are not set up.",
      422,
    );
};
