import { api } from "@shared/model/api";
import type { AppDeps } from "../../app-deps";
import { defineHandler } from "../../http/endpoint-handler";
import { problemResponse } from "../../http/problem";

// Placeholder until the import lands.
export const importContactsHandler = defineHandler(api.importContacts, async (_input, _deps: AppDeps) => {
  const r = problemResponse(501, "not-implemented", "Not implemented");
  return { status: 501, json: r.jsonBody };
});
