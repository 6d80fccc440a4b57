import { page } from "../common";
import { endpoint } from "../endpoint";
import {
  ProfileQuestionnaire,
  ProfileQuestionnaireCreate,
  ProfileQuestionnaireListQuery,
  ProfileQuestionnaireParams,
  ProfileQuestionnairePatch,
} from "../profile-questionnaire";

const tag = "Profile questionnaires";

/**
 * Profile questionnaires with their questions and answers, as Business Central's Profile
 * Questionnaire Header and Lines: one resource, the lines inside it.
 */
export const profileQuestionnaireEndpoints = {
  listProfileQuestionnaires: endpoint({
    method: "GET",
    path: "/profile-questionnaires",
    tag,
    summary: "List profile questionnaires with their questions and answers.",
    query: ProfileQuestionnaireListQuery,
    response: page(ProfileQuestionnaire),
    status: 200,
  }),
  createProfileQuestionnaire: endpoint({
    method: "POST",
    path: "/profile-questionnaires",
    tag,
    summary: "Create a profile questionnaire with its questions and answers.",
    body: ProfileQuestionnaireCreate,
    response: ProfileQuestionnaire,
    status: 201,
  }),
  getProfileQuestionnaire: endpoint({
    method: "GET",
    path: "/profile-questionnaires/{code}",
    tag,
    summary: "Read a profile questionnaire.",
    params: ProfileQuestionnaireParams,
    response: ProfileQuestionnaire,
    status: 200,
  }),
  updateProfileQuestionnaire: endpoint({
    method: "PATCH",
    path: "/profile-questionnaires/{code}",
    tag,
    summary:
      "Change a profile questionnaire; `questions` replaces the whole list. A question or answer contacts gave cannot be removed.",
    params: ProfileQuestionnaireParams,
    body: ProfileQuestionnairePatch,
    response: ProfileQuestionnaire,
    status: 200,
    ifMatch: "required",
  }),
  deleteProfileQuestionnaire: endpoint({
    method: "DELETE",
    path: "/profile-questionnaires/{code}",
    tag,
    summary: "Delete a profile questionnaire no contact has answered.",
    params: ProfileQuestionnaireParams,
    status: 204,
    ifMatch: "optional",
  }),
} as const;
