import { api } from "@shared/model/api";
import type { AppDeps } from "../app-deps";
import { attachmentDisposition } from "../http/attachment-disposition";
import { defineHandler } from "../http/endpoint-handler";
import { uploadedFileName } from "../http/uploaded-file-name";
import {
  evaluateInteraction,
  interactionStatistics,
  listContactInteractions,
} from "./interaction-log-service";
import { grantForSend } from "../delivery/job/send-session";
import { checkLog, logSegment, logStatus, resumeLog } from "./log-service";
import { entryLetter, resendEntry, resendLoggedSegment } from "./resend-service";
import {
  createFollowUp,
  deleteLoggedSegment,
  listLoggedSegments,
  setCanceled,
} from "./logged-segment-service";
import {
  deleteTemplateAttachment,
  templateAttachment,
  uploadTemplateAttachment,
} from "./template-attachments";
import { putTemplateFieldMatches, templateFieldMatches } from "./template-field-matches";

export const uploadTemplateAttachmentHandler = defineHandler(
  api.uploadTemplateAttachment,
  async ({ identity, params, rawBody, request }, deps: AppDeps) => ({
    json: await uploadTemplateAttachment(
      deps,
      identity,
      params.code,
      params.languageCode,
      rawBody?.bytes ?? new Uint8Array(),
      uploadedFileName(request.headers, `${params.code}-${params.languageCode}.docx`),
    ),
  }),
);

export const downloadTemplateAttachmentHandler = defineHandler(
  api.downloadTemplateAttachment,
  async ({ identity, params }, deps: AppDeps) => {
    const { attachment, bytes } = await templateAttachment(
      deps,
      identity,
      params.code,
      params.languageCode,
    );
    return {
      bytes,
      headers: { "content-disposition": attachmentDisposition(attachment.fileName) },
    };
  },
);

export const deleteTemplateAttachmentHandler = defineHandler(
  api.deleteTemplateAttachment,
  async ({ identity, params }, deps: AppDeps) => {
    await deleteTemplateAttachment(deps, identity, params.code, params.languageCode);
    return {};
  },
);

export const getTemplateFieldMatchesHandler = defineHandler(
  api.getTemplateFieldMatches,
  async ({ identity, params }, deps: AppDeps) => ({
    json: await templateFieldMatches(deps, identity, params.code, params.languageCode),
  }),
);

export const putTemplateFieldMatchesHandler = defineHandler(
  api.putTemplateFieldMatches,
  async ({ identity, params, body, ifMatch }, deps: AppDeps) => ({
    json: await putTemplateFieldMatches(
      deps,
      identity,
      params.code,
      params.languageCode,
      body.matches,
      ifMatch,
    ),
  }),
);

export const checkLogHandler = defineHandler(
  api.checkLog,
  async ({ identity, params }, deps: AppDeps) => ({
    json: await checkLog(deps, identity, params.no),
  }),
);

export const logSegmentHandler = defineHandler(
  api.logSegment,
  async ({ identity, params, body, ifMatch, request }, deps: AppDeps) => {
    // Sending as the marketer: their sign-in is swapped before the Log writes anything.
    const grant = body.sendAttachments
      ? await grantForSend(deps, request.headers.get("authorization"))
      : undefined;
    return {
      json: await logSegment(
        deps,
        identity,
        params.no,
        body,
        ifMatch,
        request.headers.get("idempotency-key") ?? undefined,
        grant,
      ),
    };
  },
);

export const resumeLogHandler = defineHandler(
  api.resumeLog,
  async ({ identity, params }, deps: AppDeps) => ({
    json: await resumeLog(deps, identity, params.no),
  }),
);

export const getLogStatusHandler = defineHandler(
  api.getLogStatus,
  async ({ identity, params }, deps: AppDeps) => ({
    json: await logStatus(deps, identity, params.no),
  }),
);

export const listLoggedSegmentsHandler = defineHandler(
  api.listLoggedSegments,
  async ({ identity, query }, deps: AppDeps) => ({
    json: await listLoggedSegments(deps, identity, query),
  }),
);

export const getLoggedSegmentHandler = defineHandler(
  api.getLoggedSegment,
  async ({ identity, params }, deps: AppDeps) => ({
    json: await deps.store.interactions.loggedSegments.get(
      identity.tenantId,
      String(params.entryNo),
    ),
  }),
);

export const listLoggedSegmentEntriesHandler = defineHandler(
  api.listLoggedSegmentEntries,
  async ({ identity, params, query }, deps: AppDeps) => {
    await deps.store.interactions.loggedSegments.get(identity.tenantId, String(params.entryNo));
    return {
      json: await deps.store.interactions.pageOfLogged(
        identity.tenantId,
        params.entryNo,
        query.top,
        query.continuationToken,
      ),
    };
  },
);

export const cancelLoggedSegmentHandler = defineHandler(
  api.cancelLoggedSegment,
  async ({ identity, params }, deps: AppDeps) => ({
    json: await setCanceled(deps, identity, params.entryNo, true),
  }),
);

export const undoCancelLoggedSegmentHandler = defineHandler(
  api.undoCancelLoggedSegment,
  async ({ identity, params }, deps: AppDeps) => ({
    json: await setCanceled(deps, identity, params.entryNo, false),
  }),
);

export const deleteLoggedSegmentHandler = defineHandler(
  api.deleteLoggedSegment,
  async ({ identity, params }, deps: AppDeps) => {
    await deleteLoggedSegment(deps, identity, params.entryNo);
    return {};
  },
);

export const createFollowUpSegmentHandler = defineHandler(
  api.createFollowUpSegment,
  async ({ identity, params }, deps: AppDeps) => {
    const segment = await createFollowUp(deps, identity, params.entryNo);
    return {
      json: segment,
      headers: { location: `/api/segments/${encodeURIComponent(segment.no)}` },
    };
  },
);

export const listContactInteractionsHandler = defineHandler(
  api.listContactInteractions,
  async ({ identity, params, query }, deps: AppDeps) => ({
    json: await listContactInteractions(deps, identity, params.no, query),
  }),
);

export const evaluateInteractionHandler = defineHandler(
  api.evaluateInteraction,
  async ({ identity, params, body, ifMatch }, deps: AppDeps) => ({
    json: await evaluateInteraction(
      deps,
      identity,
      params.contactNo,
      params.entryNo,
      body.evaluation,
      ifMatch,
    ),
  }),
);

export const getInteractionStatisticsHandler = defineHandler(
  api.getInteractionStatistics,
  async ({ identity, query }, deps: AppDeps) => ({
    json: await interactionStatistics(deps, identity, query),
  }),
);

export const resendLoggedSegmentHandler = defineHandler(
  api.resendLoggedSegment,
  async ({ identity, params, body }, deps: AppDeps) => {
    const job = await resendLoggedSegment(deps, identity, params.entryNo, body);
    return { json: job, headers: { location: `/api/merge-jobs/${job.id}` } };
  },
);

export const getEntryLetterHandler = defineHandler(
  api.getEntryLetter,
  async ({ identity, params }, deps: AppDeps) => {
    const letter = await entryLetter(deps, identity, params.entryNo);
    return {
      bytes: letter.bytes,
      headers: { "content-disposition": attachmentDisposition(letter.fileName) },
    };
  },
);

export const resendEntryHandler = defineHandler(
  api.resendEntry,
  async ({ identity, params, body }, deps: AppDeps) => {
    const file = await resendEntry(deps, identity, params.entryNo, body.via);
    return {
      bytes: file.bytes,
      contentType: file.contentType,
      headers: { "content-disposition": attachmentDisposition(file.fileName) },
    };
  },
);
