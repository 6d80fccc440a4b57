import { api } from "@shared/model/api";
import {
  ProfileQuestionnaireFields,
  profileQuestionnaireRules,
  type ProfileQuestion,
} from "@shared/model/profile-questionnaire";
import type { ProblemError } from "@shared/model/problem";
import { ConflictError } from "../errors/app-errors";
import type { Store } from "../store/store";
import type { TenantId } from "../store/tenant";
import { setupHandlers } from "./setup-handlers";

const questionsOf = (fields: Record<string, unknown>): ProfileQuestion[] =>
  (fields["questions"] as ProfileQuestion[] | undefined) ?? [];

const plural = (n: number) => (n === 1 ? "1 contact" : `${n} contacts`);

/**
 * Business Central refuses to delete an answer line any contact gave (its No. of Contacts must be
 * 0) and a question while answers remain; a PATCH replaces the whole list, so each answer
 * contacts gave must still stand under its question afterwards.
 */
const guardAnswersInUse = async (
  store: Store,
  tenant: TenantId,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Promise<void> => {
  const code = String(before["code"]);
  const counts = await store.contacts.profileAnswerCounts(tenant, code);
  if (counts.size === 0) return;
  const kept = new Map(
    questionsOf(after).map((q) => [q.description, new Set(q.answers.map((a) => a.description))]),
  );
  const errors: ProblemError[] = [];
  for (const [question, { answers }] of counts) {
    for (const [answer, n] of answers) {
      if (kept.get(question)?.has(answer)) continue;
      errors.push({
        in: "body",
        field: "questions",
        rule: "in_use",
        message: `${plural(n)} answered "${question}" with "${answer}"; change their profile answers before removing it`,
      });
    }
  }
  if (errors.length)
    throw new ConflictError(
      `Profile questionnaire ${code} would lose answers that contacts gave.`,
      errors,
    );
};

const guardQuestionnaireInUse = async (store: Store, tenant: TenantId, code: string) => {
  const n = await store.contacts.countAnswering(tenant, code);
  if (n === 0) return;
  throw new ConflictError(
    `Profile questionnaire ${code} has answers that ${plural(n)} gave; remove them from the contacts before deleting it.`,
  );
};

export const profileQuestionnaireHandlers = setupHandlers({
  endpoints: {
    list: api.listProfileQuestionnaires,
    create: api.createProfileQuestionnaire,
    get: api.getProfileQuestionnaire,
    update: api.updateProfileQuestionnaire,
    delete: api.deleteProfileQuestionnaire,
  },
  repository: (store) => store.profileQuestionnaires,
  valid: ProfileQuestionnaireFields.superRefine(profileQuestionnaireRules),
  keyOf: (f) => String(f["code"]),
  references: () => [],
  filters: () => [],
  guardChange: guardAnswersInUse,
  guardDelete: guardQuestionnaireInUse,
});
