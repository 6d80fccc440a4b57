import type { z } from "zod";
import type { ProfileQuestionnaireCreate } from "../model/profile-questionnaire";
import { PROFILE_QUESTIONNAIRE, PROFILE_QUESTIONS } from "./codes";

export type DemoProfileQuestionnaire = z.input<typeof ProfileQuestionnaireCreate>;

/** The Danish text of every question and answer the generator hands out (the English is its key). */
const danish: Readonly<Record<string, string>> = {
  Size: "Størrelse",
  "1-10 employees": "1-10 ansatte",
  "11-50 employees": "11-50 ansatte",
  "51-250 employees": "51-250 ansatte",
  "250+ employees": "Over 250 ansatte",
  Turnover: "Omsætning",
  "< 10 mio. DKK": "Under 10 mio. kr.",
  "10-50 mio. DKK": "10-50 mio. kr.",
  "50-250 mio. DKK": "50-250 mio. kr.",
  "> 250 mio. DKK": "Over 250 mio. kr.",
  "Purchase frequency": "Købsfrekvens",
  Monthly: "Månedligt",
  Quarterly: "Kvartalsvis",
  Yearly: "Årligt",
  Rarely: "Sjældent",
  "Preferred channel": "Foretrukken kanal",
  "E-mail": "E-mail",
  Phone: "Telefon",
  Letter: "Brev",
  Meeting: "Møde",
};

const da = (en: string): string => danish[en] ?? "";

/** The demo tenant's questionnaire: every question and answer its companies gave. */
export const demoProfileQuestionnaires = (): DemoProfileQuestionnaire[] => [
  {
    code: PROFILE_QUESTIONNAIRE,
    description: "Customer profile",
    descriptionDa: "Kundeprofil",
    contactType: "company",
    questions: PROFILE_QUESTIONS.map((q) => ({
      description: q.question,
      descriptionDa: da(q.question),
      answers: q.answers.map((a) => ({ description: a, descriptionDa: da(a) })),
    })),
  },
];
