import { api } from "@shared/model/api";
import { defineHandler } from "../http/endpoint-handler";
import { searchLanguages } from "./language-catalog";

export const listLanguagesHandler = defineHandler(api.listLanguages, async ({ query }) => ({
  json: { items: searchLanguages(query) },
}));
