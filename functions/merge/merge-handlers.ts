import { mergeFields } from "@shared/letter/merge-fields";
import { api } from "@shared/model/api";
import type { AppDeps } from "../app-deps";
import { attachmentDisposition } from "../http/attachment-disposition";
import { defineHandler } from "../http/endpoint-handler";
import {
  cancelMergeJob,
  checkSegmentMerge,
  getMergeJob,
  mergeData,
  mergeResult,
  runMerge,
} from "./merge-service";

export const listMergeFieldsHandler = defineHandler(api.listMergeFields, async () => ({
  json: { items: [...mergeFields] },
}));

export const getMergeDataHandler = defineHandler(
  api.getMergeData,
  async ({ identity, params, query }, deps: AppDeps) => ({
    json: await mergeData(deps, identity, params.no, query),
  }),
);

export const checkMergeHandler = defineHandler(
  api.checkMerge,
  async ({ identity, params, body }, deps: AppDeps) => ({
    json: await checkSegmentMerge(deps, identity, params.no, body),
  }),
);

export const startMergeHandler = defineHandler(
  api.startMerge,
  async ({ identity, params, body }, deps: AppDeps) => {
    const job = await runMerge(deps, identity, params.no, body);
    return { json: job, headers: { location: `/api/merge-jobs/${job.id}` } };
  },
);

export const getMergeJobHandler = defineHandler(
  api.getMergeJob,
  async ({ identity, params }, deps: AppDeps) => ({
    json: await getMergeJob(deps, identity, params.id),
  }),
);

export const downloadMergeResultHandler = defineHandler(
  api.downloadMergeResult,
  async ({ identity, params }, deps: AppDeps) => {
    const result = await mergeResult(deps, identity, params.id);
    return {
      bytes: result.bytes,
      contentType: result.contentType,
      headers: { "content-disposition": attachmentDisposition(result.fileName) },
    };
  },
);

export const cancelMergeJobHandler = defineHandler(
  api.cancelMergeJob,
  async ({ identity, params }, deps: AppDeps) => ({
    json: await cancelMergeJob(deps, identity, params.id),
  }),
);
