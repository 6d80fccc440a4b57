import type { ProblemError } from "@shared/model/problem";
import { ValidationError } from "../../errors/app-errors";
import { isMiss, ProfileLookup } from "../../setup/profile-lookup";
import type { Store } from "../../store/store";
import type { TenantId } from "../../store/tenant";

/** The value lists of a profile condition, in the order the criteria builder asks for them. */
export const profileLists = [
  "profileQuestionnaires",
  "profileQuestions",
  "profileAnswers",
] as const;
export type ProfileList = (typeof profileLists)[number];

export const isProfileList = (field: string): field is ProfileList =>
  (profileLists as readonly string[]).includes(field);

interface Suggestion {
  readonly value: string;
  readonly count: number;
  readonly description: string;
  readonly descriptionDa: string;
}

interface ProfileQuery {
  readonly search?: string | undefined;
  readonly top: number;
  readonly questionnaire?: string | undefined;
  readonly question?: string | undefined;
}

const required = (field: string, message: string): ValidationError =>
  new ValidationError([{ in: "query", field, rule: "required", message }]);

const unknown = (field: string, message: string): ValidationError =>
  new ValidationError(
    [{ in: "query", field, rule: "exists", message } satisfies ProblemError],
    "The query names something that is not set up.",
    422,
  );

/** Searched by the start of the value or either description; most given first. */
const ranked = (items: Suggestion[], query: ProfileQuery): Suggestion[] => {
  const search = query.search?.toLowerCase();
  return items
    .filter(
      (s) =>
        !search ||
        [s.value, s.description, s.descriptionDa].some((t) => t.toLowerCase().startsWith(search)),
    )
    .sort((a, b) => b.count - a.count)
    .slice(0, query.top);
};

/**
 * Value suggestions for a profile condition: the tenant's questionnaires, a questionnaire's
 * questions (?questionnaire=) or a question's answers (?questionnaire=&question=), each with its
 * English and Danish text and how many contacts gave it; set-up order among equals, so answers
 * nobody gave yet are offered too.
 */
export const profileSuggestions = async (
  store: Store,
  tenant: TenantId,
  list: ProfileList,
  query: ProfileQuery,
): Promise<Suggestion[]> => {
  const questionnaires = await store.profileQuestionnaires.allOfTenant(tenant);
  if (list === "profileQuestionnaires") {
    const counts = await Promise.all(
      questionnaires.map((q) => store.contacts.countAnswering(tenant, q.code)),
    );
    return ranked(
      questionnaires.map((q, i) => ({
        value: q.code,
        count: counts[i] ?? 0,
        description: q.description,
        descriptionDa: q.descriptionDa,
      })),
      query,
    );
  }
  if (!query.questionnaire)
    throw required("questionnaire", `${list} needs the questionnaire's code in ?questionnaire=`);
  const lookup = new ProfileLookup(questionnaires);
  const questionnaire = lookup.questionnaire(query.questionnaire);
  if (isMiss(questionnaire)) throw unknown("questionnaire", questionnaire.miss);
  const counts = await store.contacts.profileAnswerCounts(tenant, questionnaire.code);
  if (list === "profileQuestions") {
    return ranked(
      questionnaire.questions.map((q) => ({
        value: q.description,
        count: counts.get(q.description)?.contacts ?? 0,
        description: q.description,
        descriptionDa: q.descriptionDa,
      })),
      query,
    );
  }
  if (!query.question)
    throw required("question", "profileAnswers needs the question in ?question=");
  const question = lookup.question(questionnaire, query.question);
  if (isMiss(question)) throw unknown("question", question.miss);
  const given = counts.get(question.description)?.answers;
  return ranked(
    question.answers.map((a) => ({
      value: a.description,
      count: given?.get(a.description) ?? 0,
      description: a.description,
      descriptionDa: a.descriptionDa,
    })),
    query,
  );
};
