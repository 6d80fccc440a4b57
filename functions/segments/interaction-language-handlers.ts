import { api } from "@shared/model/api";
import type { AppDeps } from "../app-deps";
import { defineHandler } from "../http/endpoint-handler";
import {
  createInteractionLanguage,
  deleteInteractionLanguage,
  getInteractionLanguage,
  listInteractionLanguages,
  updateInteractionLanguage,
} from "./interaction-language-service";

export const listSegmentInteractionLanguagesHandler = defineHandler(
  api.listSegmentInteractionLanguages,
  async ({ identity, params }, deps: AppDeps) => ({
    json: await listInteractionLanguages(deps, identity, params.no),
  }),
);

export const createSegmentInteractionLanguageHandler = defineHandler(
  api.createSegmentInteractionLanguage,
  async ({ identity, params, body }, deps: AppDeps) => {
    const language = await createInteractionLanguage(deps, identity, params.no, body);
    return {
      json: language,
      headers: {
        location: `/api/segments/${encodeURIComponent(params.no)}/interaction-languages/${language.languageCode}`,
      },
    };
  },
);

export const getSegmentInteractionLanguageHandler = defineHandler(
  api.getSegmentInteractionLanguage,
  async ({ identity, params }, deps: AppDeps) => ({
    json: await getInteractionLanguage(deps, identity, params.no, params.languageCode),
  }),
);

export const updateSegmentInteractionLanguageHandler = defineHandler(
  api.updateSegmentInteractionLanguage,
  async ({ identity, params, body, ifMatch }, deps: AppDeps) => ({
    json: await updateInteractionLanguage(
      deps,
      identity,
      params.no,
      params.languageCode,
      body,
      ifMatch,
    ),
  }),
);

export const deleteSegmentInteractionLanguageHandler = defineHandler(
  api.deleteSegmentInteractionLanguage,
  async ({ identity, params, ifMatch }, deps: AppDeps) => {
    await deleteInteractionLanguage(deps, identity, params.no, params.languageCode, ifMatch);
    return {};
  },
);
