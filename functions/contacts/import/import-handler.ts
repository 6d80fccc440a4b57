import { api } from "@shared/model/api";
import type { AppDeps } from "../../app-deps";
import { defineHandler } from "../../http/endpoint-handler";
import { cancelImportJob, getImportJob, runImportJob } from "./import-job";
import { importJobOf } from "./import-request";
import { importContacts } from "./import-service";

/**
 * POST /contacts/import: JSON { csv, mapping?, delimiter?, defaultType?, dryRun?, jobId? }, or a
 * text/csv body with the same options in the query string. 200 with a per-row report, even when
 * rows fail. With a jobId the import is a job others can follow and cancel while it runs.
 */
export const importContactsHandler = defineHandler(
  api.importContacts,
  async ({ identity, body, rawBody, request }, deps: AppDeps) => {
    const job = importJobOf(body, rawBody, request.query);
    const { jobId } = job.options;
    if (jobId) {
      const result = await runImportJob(deps, identity, { ...job, jobId });
      return { json: result, headers: { location: `/api/contact-import-jobs/${jobId}` } };
    }
    const { stopped: _never, ...result } = await importContacts(deps, identity, job);
    return { json: result };
  },
);

export const getContactImportJobHandler = defineHandler(
  api.getContactImportJob,
  async ({ identity, params }, deps: AppDeps) => ({
    json: await getImportJob(deps, identity, params.id),
  }),
);

export const cancelContactImportJobHandler = defineHandler(
  api.cancelContactImportJob,
  async ({ identity, params }, deps: AppDeps) => ({
    json: await cancelImportJob(deps, identity, params.id),
  }),
);
