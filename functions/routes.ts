import type { HttpHandler } from "@azure/functions";
import { api, type EndpointName } from "@shared/model/api";
import type { EndpointSpec } from "@shared/model/endpoint";
import type { AppDeps } from "./app-deps";
import {
  createContactHandler,
  deleteContactHandler,
  getContactHandler,
  listContactsHandler,
  updateContactHandler,
} from "./contacts/contact-handlers";
import { previewEmailHandler } from "./delivery/preview/email-preview-handler";
import { exportContactsHandler } from "./contacts/export/export-handler";
import {
  cancelContactImportJobHandler,
  getContactImportJobHandler,
  importContactsHandler,
} from "./contacts/import/import-handler";
import {
  cancelLoggedSegmentHandler,
  checkLogHandler,
  createFollowUpSegmentHandler,
  deleteLoggedSegmentHandler,
  deleteTemplateAttachmentHandler,
  downloadTemplateAttachmentHandler,
  evaluateInteractionHandler,
  getEntryLetterHandler,
  resendEntryHandler,
  resendLoggedSegmentHandler,
  getInteractionStatisticsHandler,
  getLogStatusHandler,
  getLoggedSegmentHandler,
  listContactInteractionsHandler,
  listLoggedSegmentEntriesHandler,
  listLoggedSegmentsHandler,
  logSegmentHandler,
  resumeLogHandler,
  undoCancelLoggedSegmentHandler,
  uploadTemplateAttachmentHandler,
  getTemplateFieldMatchesHandler,
  putTemplateFieldMatchesHandler,
} from "./interactions/interaction-handlers";
import {
  cancelMergeJobHandler,
  checkMergeHandler,
  downloadMergeResultHandler,
  getMergeDataHandler,
  getMergeJobHandler,
  listMergeFieldsHandler,
  startMergeHandler,
} from "./merge/merge-handlers";
import type { BoundHandler } from "./http/endpoint-handler";
import {
  cancelSendJobHandler,
  getSendJobHandler,
  getSendJobPrintFileHandler,
  listLoggedSegmentSendJobsHandler,
  listSendJobDeliveriesHandler,
  retrySendJobHandler,
  resendEntryByEmailHandler,
  sendLoggedSegmentHandler,
} from "./delivery/send-job-handlers";
import {
  deleteLineAttachmentHandler,
  downloadLineAttachmentHandler,
  uploadLineAttachmentHandler,
} from "./segments/line-attachment-handlers";
import {
  deleteSegmentLetterHandler,
  downloadSegmentLetterHandler,
  getSegmentLetterHandler,
  putSegmentLetterHandler,
} from "./segments/segment-letter-handlers";
import {
  cancelApplyTemplateJobHandler,
  getApplyTemplateJobHandler,
} from "./segments/apply-template-job-handlers";
import {
  applyTemplateHandler,
  createSegmentHandler,
  createSegmentLineHandler,
  deleteSegmentHandler,
  deleteSegmentLineHandler,
  getSegmentHandler,
  getSegmentLineHandler,
  listSegmentLinesHandler,
  listSegmentsHandler,
  updateSegmentHandler,
  updateSegmentLineHandler,
} from "./segments/segment-handlers";
import {
  createSegmentInteractionLanguageHandler,
  deleteSegmentInteractionLanguageHandler,
  getSegmentInteractionLanguageHandler,
  listSegmentInteractionLanguagesHandler,
  updateSegmentInteractionLanguageHandler,
} from "./segments/interaction-language-handlers";
import {
  addContactsHandler,
  deleteSavedCriteriaHandler,
  explainLineHandler,
  getSavedCriteriaHandler,
  goBackHandler,
  listCriteriaActionsHandler,
  listCriteriaFieldsHandler,
  listSavedCriteriaHandler,
  reduceContactsHandler,
  refineContactsHandler,
  refreshSegmentHandler,
  reuseCriteriaHandler,
  reuseSegmentHandler,
  saveCriteriaHandler,
  suggestFieldValuesHandler,
} from "./segments/criteria/criteria-handlers";
import {
  businessRelationHandlers,
  industryGroupHandlers,
  jobResponsibilityHandlers,
  mailingGroupHandlers,
} from "./setup/contact-code-resources";
import { profileQuestionnaireHandlers } from "./setup/profile-questionnaire-resources";
import {
  campaignHandlers,
  interactionTemplateHandlers,
  salespersonHandlers,
} from "./setup/setup-resources";
import { getHealthHandler, getOpenApiHandler } from "./system/system-handlers";
import { listLanguagesHandler } from "./setup/language-handlers";
import {
  getCampaignStatisticsHandler,
  listCampaignEntriesHandler,
} from "./campaigns/campaign-entry-handlers";

/** The route table: one line per endpoint of the contract. A missing handler does not compile. */
export const handlers = {
  getHealth: getHealthHandler,
  getOpenApi: getOpenApiHandler,
  listContacts: listContactsHandler,
  createContact: createContactHandler,
  importContacts: importContactsHandler,
  getContactImportJob: getContactImportJobHandler,
  cancelContactImportJob: cancelContactImportJobHandler,
  exportContacts: exportContactsHandler,
  getContact: getContactHandler,
  updateContact: updateContactHandler,
  deleteContact: deleteContactHandler,
  listSegments: listSegmentsHandler,
  createSegment: createSegmentHandler,
  getSegment: getSegmentHandler,
  updateSegment: updateSegmentHandler,
  deleteSegment: deleteSegmentHandler,
  getSegmentLetter: getSegmentLetterHandler,
  downloadSegmentLetter: downloadSegmentLetterHandler,
  putSegmentLetter: putSegmentLetterHandler,
  deleteSegmentLetter: deleteSegmentLetterHandler,
  listSegmentLines: listSegmentLinesHandler,
  createSegmentLine: createSegmentLineHandler,
  getSegmentLine: getSegmentLineHandler,
  updateSegmentLine: updateSegmentLineHandler,
  deleteSegmentLine: deleteSegmentLineHandler,
  listSegmentInteractionLanguages: listSegmentInteractionLanguagesHandler,
  createSegmentInteractionLanguage: createSegmentInteractionLanguageHandler,
  getSegmentInteractionLanguage: getSegmentInteractionLanguageHandler,
  updateSegmentInteractionLanguage: updateSegmentInteractionLanguageHandler,
  deleteSegmentInteractionLanguage: deleteSegmentInteractionLanguageHandler,
  listInteractionTemplates: interactionTemplateHandlers.list,
  createInteractionTemplate: interactionTemplateHandlers.create,
  getInteractionTemplate: interactionTemplateHandlers.get,
  updateInteractionTemplate: interactionTemplateHandlers.update,
  deleteInteractionTemplate: interactionTemplateHandlers.delete,
  listCampaigns: campaignHandlers.list,
  createCampaign: campaignHandlers.create,
  getCampaign: campaignHandlers.get,
  updateCampaign: campaignHandlers.update,
  deleteCampaign: campaignHandlers.delete,
  listCampaignEntries: listCampaignEntriesHandler,
  getCampaignStatistics: getCampaignStatisticsHandler,
  listSalespeople: salespersonHandlers.list,
  createSalesperson: salespersonHandlers.create,
  getSalesperson: salespersonHandlers.get,
  updateSalesperson: salespersonHandlers.update,
  deleteSalesperson: salespersonHandlers.delete,
  listJobResponsibilities: jobResponsibilityHandlers.list,
  createJobResponsibility: jobResponsibilityHandlers.create,
  getJobResponsibility: jobResponsibilityHandlers.get,
  updateJobResponsibility: jobResponsibilityHandlers.update,
  deleteJobResponsibility: jobResponsibilityHandlers.delete,
  listBusinessRelations: businessRelationHandlers.list,
  createBusinessRelation: businessRelationHandlers.create,
  getBusinessRelation: businessRelationHandlers.get,
  updateBusinessRelation: businessRelationHandlers.update,
  deleteBusinessRelation: businessRelationHandlers.delete,
  listIndustryGroups: industryGroupHandlers.list,
  createIndustryGroup: industryGroupHandlers.create,
  getIndustryGroup: industryGroupHandlers.get,
  updateIndustryGroup: industryGroupHandlers.update,
  deleteIndustryGroup: industryGroupHandlers.delete,
  listMailingGroups: mailingGroupHandlers.list,
  createMailingGroup: mailingGroupHandlers.create,
  getMailingGroup: mailingGroupHandlers.get,
  updateMailingGroup: mailingGroupHandlers.update,
  deleteMailingGroup: mailingGroupHandlers.delete,
  listProfileQuestionnaires: profileQuestionnaireHandlers.list,
  listLanguages: listLanguagesHandler,
  createProfileQuestionnaire: profileQuestionnaireHandlers.create,
  getProfileQuestionnaire: profileQuestionnaireHandlers.get,
  updateProfileQuestionnaire: profileQuestionnaireHandlers.update,
  deleteProfileQuestionnaire: profileQuestionnaireHandlers.delete,
  listCriteriaFields: listCriteriaFieldsHandler,
  suggestFieldValues: suggestFieldValuesHandler,
  listCriteriaActions: listCriteriaActionsHandler,
  addContacts: addContactsHandler,
  reduceContacts: reduceContactsHandler,
  refineContacts: refineContactsHandler,
  goBack: goBackHandler,
  saveCriteria: saveCriteriaHandler,
  reuseCriteria: reuseCriteriaHandler,
  reuseSegment: reuseSegmentHandler,
  explainLine: explainLineHandler,
  refreshSegment: refreshSegmentHandler,
  listSavedCriteria: listSavedCriteriaHandler,
  getSavedCriteria: getSavedCriteriaHandler,
  deleteSavedCriteria: deleteSavedCriteriaHandler,
  uploadTemplateAttachment: uploadTemplateAttachmentHandler,
  downloadTemplateAttachment: downloadTemplateAttachmentHandler,
  getTemplateFieldMatches: getTemplateFieldMatchesHandler,
  putTemplateFieldMatches: putTemplateFieldMatchesHandler,
  deleteTemplateAttachment: deleteTemplateAttachmentHandler,
  applyTemplate: applyTemplateHandler,
  getApplyTemplateJob: getApplyTemplateJobHandler,
  cancelApplyTemplateJob: cancelApplyTemplateJobHandler,
  uploadLineAttachment: uploadLineAttachmentHandler,
  downloadLineAttachment: downloadLineAttachmentHandler,
  deleteLineAttachment: deleteLineAttachmentHandler,
  checkLog: checkLogHandler,
  logSegment: logSegmentHandler,
  resumeLog: resumeLogHandler,
  getLogStatus: getLogStatusHandler,
  listLoggedSegments: listLoggedSegmentsHandler,
  getLoggedSegment: getLoggedSegmentHandler,
  listLoggedSegmentEntries: listLoggedSegmentEntriesHandler,
  cancelLoggedSegment: cancelLoggedSegmentHandler,
  undoCancelLoggedSegment: undoCancelLoggedSegmentHandler,
  deleteLoggedSegment: deleteLoggedSegmentHandler,
  createFollowUpSegment: createFollowUpSegmentHandler,
  listContactInteractions: listContactInteractionsHandler,
  evaluateInteraction: evaluateInteractionHandler,
  resendLoggedSegment: resendLoggedSegmentHandler,
  getEntryLetter: getEntryLetterHandler,
  resendEntry: resendEntryHandler,
  getInteractionStatistics: getInteractionStatisticsHandler,
  listMergeFields: listMergeFieldsHandler,
  getMergeData: getMergeDataHandler,
  checkMerge: checkMergeHandler,
  startMerge: startMergeHandler,
  getMergeJob: getMergeJobHandler,
  downloadMergeResult: downloadMergeResultHandler,
  cancelMergeJob: cancelMergeJobHandler,
  sendLoggedSegment: sendLoggedSegmentHandler,
  listLoggedSegmentSendJobs: listLoggedSegmentSendJobsHandler,
  getSendJob: getSendJobHandler,
  listSendJobDeliveries: listSendJobDeliveriesHandler,
  cancelSendJob: cancelSendJobHandler,
  retrySendJob: retrySendJobHandler,
  resendEntryByEmail: resendEntryByEmailHandler,
  getSendJobPrintFile: getSendJobPrintFileHandler,
  previewEmail: previewEmailHandler,
} satisfies Record<EndpointName, BoundHandler<AppDeps>>;

export interface Route {
  readonly name: EndpointName;
  readonly spec: EndpointSpec;
  readonly handler: HttpHandler;
}

/**
 * Routes with literal segments come before parameterised ones (contacts/import before
 * contacts/{no}), the precedence Azure Functions' router applies too.
 */
export const createRoutes = (getDeps: () => Promise<AppDeps>): Route[] =>
  (Object.keys(handlers) as EndpointName[])
    .map((name) => ({ name, spec: api[name] as EndpointSpec, handler: handlers[name](getDeps) }))
    .sort((a, b) => specificity(b.spec.path) - specificity(a.spec.path));

const specificity = (path: string) =>
  path.split("/").reduce((score, segment) => score * 2 + (segment.startsWith("{") ? 0 : 1), 1);
