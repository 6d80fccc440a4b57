import { api } from "@shared/model/api";
import type { AppDeps } from "../../app-deps";
import { defineHandler } from "../../http/endpoint-handler";
import { importJobOf } from "./import-request";
import { importContacts } from "./import-service";

/**
 * POST /contacts/import: JSON { csv, mapping?, delimiter?, defaultType?, dryRun? }, or a text/csv
 * body with the same options in the query string. 200 with a per-row report, even when rows fail.
 */
export const importContactsHandler = defineHandler(
  api.importContacts,
  async ({ identity, body, rawBody, request }, deps: AppDeps) => ({
    json: await importContacts(deps, identity, importJobOf(body, rawBody, request.query)),
  }),
);
