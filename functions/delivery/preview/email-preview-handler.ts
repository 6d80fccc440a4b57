import { api } from "@shared/model/api";
import type { AppDeps } from "../../app-deps";
import { defineHandler } from "../../http/endpoint-handler";
import { previewEmail } from "./email-preview-service";

export const previewEmailHandler = defineHandler(
  api.previewEmail,
  async ({ identity, params, body }, deps: AppDeps) => ({
    json: await previewEmail(deps, identity, params.no, body),
  }),
);
