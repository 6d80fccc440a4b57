import { api } from "@shared/model/api";
import type { AppDeps } from "../../app-deps";
import { defineHandler } from "../../http/endpoint-handler";

// Placeholder until the export lands.
export const exportContactsHandler = defineHandler(api.exportContacts, async (_input, _deps: AppDeps) => ({ status: 501, text: "" }));
