import type { ProfileQuestionnaire } from "@shared/model/profile-questionnaire";
import { useMemo } from "react";
import { useApi } from "../../api/api-context";
import { useHost } from "../../host/host-context";
import type { LoadOptions, PickOption } from "../../ui/search-combobox";
import { isDanish } from "../../i18n/is-danish";

const SUGGESTED = 20;

const matches = (o: PickOption, search: string) =>
  !search || `${o.code} ${o.description ?? ""}`.toUpperCase().includes(search.trim().toUpperCase());

/**
 * The lists a profile row picks from, as Business Central's Profile criteria: questionnaires
 * searched on the API, then the chosen one's questions and a question's answers (the lines of
 * one questionnaire, read once per questionnaire). Contacts carry questions and answers by their
 * English text, so that is the value; the Danish text stands beside it on a Danish pane.
 */
export const useProfileOptions = () => {
  const { client } = useApi();
  const { displayLanguage } = useHost();
  const danish = isDanish(displayLanguage);
  return useMemo(() => {
    const read = new Map<string, Promise<ProfileQuestionnaire>>();
    const questionnaire = (code: string): Promise<ProfileQuestionnaire> => {
      const key = code.toUpperCase();
      let answer = read.get(key);
      if (!answer) {
        answer = client("getProfileQuestionnaire", { params: { code: key } });
        // A failed read is asked again next time rather than remembered.
        answer.catch(() => read.delete(key));
        read.set(key, answer);
      }
      return answer;
    };
    const beside = (english: string, da: string) =>
      danish && da && da !== english ? { description: da } : {};

    const questionnaires: LoadOptions = async (search, signal) =>
      (
        await client("listProfileQuestionnaires", {
          query: { top: SUGGESTED, ...(search ? { search } : {}) },
          signal,
        })
      ).items.map((q) => ({
        code: q.code,
        description: (danish && q.descriptionDa) || q.description,
      }));
    const questions =
      (code: string): LoadOptions =>
      async (search) =>
        !code
          ? []
          : (await questionnaire(code)).questions
              .map((q) => ({ code: q.description, ...beside(q.description, q.descriptionDa) }))
              .filter((o) => matches(o, search));
    const answers =
      (code: string, question: string): LoadOptions =>
      async (search) =>
        !code || !question
          ? []
          : (
              (await questionnaire(code)).questions.find((q) => q.description === question)
                ?.answers ?? []
            )
              .map((a) => ({ code: a.description, ...beside(a.description, a.descriptionDa) }))
              .filter((o) => matches(o, search));
    return { questionnaires, questions, answers, language: danish ? "da" : "en" };
  }, [client, danish]);
};
