import { didYouMean, nearestCodes, nearestTexts } from "@shared/model/nearest-codes";
import type {
  ProfileAnswerOption,
  ProfileQuestion,
  ProfileQuestionnaire,
} from "@shared/model/profile-questionnaire";

/** A lookup that missed: what to tell the user, with the nearest set-up names if any. */
export interface Miss {
  readonly miss: string;
}

const sameText = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

/**
 * The tenant's questionnaires, looked up as contacts and criteria name them: a questionnaire by
 * its code, a question and an answer by their English text. Answers are found without case, as
 * criteria compare them.
 */
export class ProfileLookup {
  private readonly byCode: ReadonlyMap<string, ProfileQuestionnaire>;

  constructor(questionnaires: readonly ProfileQuestionnaire[]) {
    this.byCode = new Map(questionnaires.map((q) => [q.code, q]));
  }

  get isEmpty(): boolean {
    return this.byCode.size === 0;
  }

  questionnaire(code: string): ProfileQuestionnaire | Miss {
    const found = this.byCode.get(code);
    if (found) return found;
    const near = nearestCodes(code, [...this.byCode.keys()]);
    return { miss: `profile questionnaire ${code} does not exist${didYouMean(near)}` };
  }

  /** `ignoreCase` for what contacts write (stored as set up); criteria must spell it as set up. */
  question(
    questionnaire: ProfileQuestionnaire,
    text: string,
    ignoreCase = false,
  ): ProfileQuestion | Miss {
    const found = questionnaire.questions.find((q) =>
      ignoreCase ? sameText(q.description, text) : q.description === text,
    );
    if (found) return found;
    const near = nearestTexts(
      text,
      questionnaire.questions.map((q) => q.description),
    );
    return {
      miss: `question "${text}" is not in profile questionnaire ${questionnaire.code}${didYouMean(near)}`,
    };
  }

  answer(question: ProfileQuestion, text: string): ProfileAnswerOption | Miss {
    const found = question.answers.find((a) => sameText(a.description, text));
    if (found) return found;
    const near = nearestTexts(
      text,
      question.answers.map((a) => a.description),
    );
    return {
      miss: `answer "${text}" is not an answer to "${question.description}"${didYouMean(near)}`,
    };
  }
}

export const isMiss = (x: object): x is Miss => "miss" in x;
