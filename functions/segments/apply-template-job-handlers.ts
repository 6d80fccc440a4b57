import { api } from "@shared/model/api";
import type { AppDeps } from "../app-deps";
import { defineHandler } from "../http/endpoint-handler";
import { cancelApplyTemplateJob, getApplyTemplateJob } from "./apply-template-job";

export const getApplyTemplateJobHandler = defineHandler(
  api.getApplyTemplateJob,
  async ({ identity, params }, deps: AppDeps) => ({
    json: await getApplyTemplateJob(deps, identity, params.id),
  }),
);

export const cancelApplyTemplateJobHandler = defineHandler(
  api.cancelApplyTemplateJob,
  async ({ identity, params }, deps: AppDeps) => ({
    json: await cancelApplyTemplateJob(deps, identity, params.id),
  }),
);
