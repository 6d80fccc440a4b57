import { api } from "@shared/model/api";
import type { AppDeps } from "../app-deps";
import { attachmentDisposition } from "../http/attachment-disposition";
import { defineHandler } from "../http/endpoint-handler";
import {
  cancelSendJob,
  getSendJob,
  listDeliveries,
  retrySendJob,
  sendJobsOfLogged,
  startSendJob,
  toSendJob,
} from "./job/send-job-service";
import { sendJobPrintFile } from "./job/print-file";
import { resendEntryByEmail } from "./job/resend-entry-by-email";
import { assertEmailChoice } from "./compose/email-choice-checks";
import { grantForSend } from "./job/send-session";

export const sendLoggedSegmentHandler = defineHandler(
  api.sendLoggedSegment,
  async ({ identity, params, body, request }, deps: AppDeps) => {
    const { jobId, ...options } = body;
    assertEmailChoice(options);
    const grant = await grantForSend(deps, request.headers.get("authorization"));
    const job = await startSendJob(deps, identity, {
      jobId,
      loggedSegmentEntryNo: params.entryNo,
      options,
      origin: "send",
      grant,
    });
    return { status: 202, json: job, headers: { location: `/api/send-jobs/${job.id}` } };
  },
);

export const listLoggedSegmentSendJobsHandler = defineHandler(
  api.listLoggedSegmentSendJobs,
  async ({ identity, params }, deps: AppDeps) => ({
    json: await sendJobsOfLogged(deps, identity.tenantId, params.entryNo),
  }),
);

export const getSendJobHandler = defineHandler(
  api.getSendJob,
  async ({ identity, params }, deps: AppDeps) => ({
    json: toSendJob(await getSendJob(deps, identity.tenantId, params.id)),
  }),
);

export const listSendJobDeliveriesHandler = defineHandler(
  api.listSendJobDeliveries,
  async ({ identity, params, query }, deps: AppDeps) => ({
    json: await listDeliveries(deps, identity.tenantId, params.id, query),
  }),
);

export const cancelSendJobHandler = defineHandler(
  api.cancelSendJob,
  async ({ identity, params }, deps: AppDeps) => ({
    json: await cancelSendJob(deps, identity, params.id),
  }),
);

export const retrySendJobHandler = defineHandler(
  api.retrySendJob,
  async ({ identity, params, request }, deps: AppDeps) => ({
    json: await retrySendJob(
      deps,
      identity,
      params.id,
      await grantForSend(deps, request.headers.get("authorization")),
    ),
  }),
);

export const resendEntryByEmailHandler = defineHandler(
  api.resendEntryByEmail,
  async ({ identity, params, body, request }, deps: AppDeps) => {
    assertEmailChoice(body);
    const grant = await grantForSend(deps, request.headers.get("authorization"));
    const job = await resendEntryByEmail(deps, identity, params.entryNo, body, grant);
    return { status: 202, json: job, headers: { location: `/api/send-jobs/${job.id}` } };
  },
);

export const getSendJobPrintFileHandler = defineHandler(
  api.getSendJobPrintFile,
  async ({ identity, params }, deps: AppDeps) => {
    const file = await sendJobPrintFile(deps, identity.tenantId, params.id);
    return {
      bytes: file.bytes,
      contentType: file.contentType,
      headers: { "content-disposition": attachmentDisposition(file.fileName) },
    };
  },
);
