import { page } from "../common";
import { endpoint } from "../endpoint";
import { Language, LanguageListQuery } from "../language";

/** The languages a Language Code is picked from (Business Central's Language table). */
export const languageEndpoints = {
  listLanguages: endpoint({
    method: "GET",
    path: "/languages",
    tag: "Languages",
    summary: "List the languages a Language Code may name, searched by code or name.",
    query: LanguageListQuery,
    response: page(Language),
    status: 200,
  }),
} as const;
