import { z } from "zod";
import { MAX_PROFILE_ANSWERS } from "../criteria/criteria-tree";
import { Code, PageQuery, ServerStamp, text } from "./common";
import { patchOf } from "./patch";

/**
 * An answer line of a question (Business Central's Profile Questionnaire Line of type Answer).
 * Contacts carry the English description as their answer, so it is the answer's key within its
 * question.
 */
export const ProfileAnswerOption = z.object({
  description: text(250)
    .min(1)
    .meta({ description: "The English answer; contacts' profileAnswers carry it." }),
  descriptionDa: text(250).default("").meta({ description: "The Danish answer." }),
});
export type ProfileAnswerOption = z.infer<typeof ProfileAnswerOption>;

/**
 * A question line with its answers below it, as Business Central lists them in one questionnaire.
 * The English description is what contacts carry as `question` (at most 50 characters there).
 */
export const ProfileQuestion = z.object({
  description: text(50)
    .min(1)
    .meta({ description: "The English question; contacts' profileAnswers carry it." }),
  descriptionDa: text(50).default("").meta({ description: "The Danish question." }),
  multipleAnswers: z
    .boolean()
    .default(false)
    .meta({ description: "Whether a contact may give more than one of the answers." }),
  answers: z.array(ProfileAnswerOption).max(MAX_PROFILE_ANSWERS).default([]),
});
export type ProfileQuestion = z.infer<typeof ProfileQuestion>;

/** Which contacts a questionnaire is for: BC's Contact Type (blank, Companies, People). */
export const ProfileContactType = z.enum(["any", "company", "person"]);

export const ProfileQuestionnaireFields = z.object({
  code: Code,
  description: text(250).default("").meta({ description: "The English description." }),
  descriptionDa: text(250).default("").meta({ description: "The Danish description." }),
  contactType: ProfileContactType.default("any"),
  questions: z.array(ProfileQuestion).max(100).default([]),
});
export type ProfileQuestionnaireFields = z.infer<typeof ProfileQuestionnaireFields>;

const same = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

/**
 * Contacts name a question and an answer by their English text, so within a questionnaire no two
 * questions, and within a question no two answers, may read the same (ignoring case).
 */
export const profileQuestionnaireRules = (
  q: Pick<ProfileQuestionnaireFields, "questions">,
  ctx: z.RefinementCtx,
): void => {
  q.questions.forEach((question, i) => {
    if (q.questions.slice(0, i).some((earlier) => same(earlier.description, question.description)))
      ctx.addIssue({
        code: "custom",
        path: ["questions", i, "description"],
        message: `question "${question.description}" is already in this questionnaire`,
        params: { rule: "unique" },
      });
    question.answers.forEach((answer, j) => {
      if (
        question.answers
          .slice(0, j)
          .some((earlier) => same(earlier.description, answer.description))
      )
        ctx.addIssue({
          code: "custom",
          path: ["questions", i, "answers", j, "description"],
          message: `answer "${answer.description}" is already an answer to "${question.description}"`,
          params: { rule: "unique" },
        });
    });
  });
};

export const ProfileQuestionnaireCreate =
  ProfileQuestionnaireFields.superRefine(profileQuestionnaireRules);
export const ProfileQuestionnairePatch = patchOf(ProfileQuestionnaireFields.omit({ code: true }));
export const ProfileQuestionnaire = ProfileQuestionnaireFields.extend(ServerStamp.shape);
export type ProfileQuestionnaire = z.infer<typeof ProfileQuestionnaire>;

export const ProfileQuestionnaireParams = z.object({ code: Code });
export const ProfileQuestionnaireListQuery = PageQuery.extend({
  search: z.string().max(100).optional(),
});
