import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import { unzipSync } from "fflate";
import { api as contract, type EndpointName } from "@shared/model/api";
import type { EndpointSpec } from "@shared/model/endpoint";
import { compileRoute } from "../../../../functions/http/route-match";
import { series } from "../../../../functions/store/number-series";
import { asTenantId } from "../../../../functions/store/tenant";
import { startApi, type ApiHarness, type CallResult } from "../../harness/api-harness";
import { minimalDocx } from "../interactions/logging-fixture";

/**
 * Tenant A attacks tenant B through every endpoint of the contract. B owns objects under the
 * same numbers and codes as A's (so A addressing "its" SEG must never meet B's SEG) and objects
 * A has no copy of. Every id a request can carry (path, query, body, criteria references, merge
 * job ids, document ids, continuation tokens, Idempotency-Key) is filled with B's:
 *
 * - with B's ids that A does not have, each request must answer exactly as it does for ids that
 *   exist nowhere (status, the fields and rules of its errors, the counts it reports): B's
 *   objects are neither reachable nor detectable;
 * - with the ids both tenants use, A works on its own objects only;
 * - no answer to A, unzipped down to the letters inside, carries anything of B's, and every item
 *   and blob of B's is byte for byte as it was.
 *
 * The probe table is typed by the contract's endpoint names and checked against its id fields,
 * so a new endpoint or a new id field cannot go unprobed.
 */
let api: ApiHarness;
const A = { tenant: "tenant-a" };
const B = { tenant: "tenant-b" };
const leak = /B-SECRET|b-secret/;
const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
const sameJob = "0b6e7f9c-1d2e-4f3a-8b5c-6d7e8f9a0b1c";
const bOnlyJob = "5f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b";
const bIdempotencyKey = "idem-b";
const sameSendJob = "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
const sameApplyJob = "3a2b1c0d-9e8f-4a7b-9c6d-5e4f3a2b1c0d";
const bOnlyApplyJob = "6d5c4b3a-2f1e-4d0c-8b9a-7f6e5d4c3b2a";
const sameImportJob = "3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a";
const bOnlyImportJob = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";

/** The ids one run of the probes fills requests with. */
interface Ids {
  readonly contact: string;
  readonly person: string;
  readonly segment: string;
  /** A line No. on segment SEG (which both tenants have). */
  readonly lineNo: number;
  readonly logged: number;
  readonly entry: { readonly contactNo: string; readonly entryNo: number };
  /** An entry No. logged with a template's letter (B's: of a logged segment A has no copy of). */
  readonly letterEntryNo: number;
  readonly campaign: string;
  readonly salesperson: string;
  /** A code in each of the contact code tables (job responsibilities, mailing groups, ...). */
  readonly contactCode: string;
  readonly template: string;
  readonly saved: string;
  readonly job: string;
  /** A job that resent a logged segment's letters. */
  readonly resendJob: string;
  /** A send job of the logged segment's e-mail lines. */
  readonly sendJob: string;
  /** A job of an interaction template applied to a segment's lines. */
  readonly applyJob: string;
  /** A contact import job. */
  readonly importJob: string;
  readonly actionNo: number;
  readonly token: string;
  readonly documents: readonly string[];
}

/** A's own keys: the numbers and codes B uses too. */
let own: Ids;
/** B's keys that A has no copy of. */
let bOnly: Ids;
/** Keys nobody has, shaped like bOnly's. */
let nowhere: Ids;
/** A logged segment of A's that no probe cancels or deletes, to resend under B's job id. */
let aResendLogged: number;

interface Req {
  readonly path: string;
  readonly query?: Readonly<Record<string, string | undefined>>;
  readonly body?: unknown;
  readonly file?: Uint8Array;
  readonly headers?: Record<string, string>;
  /** Requests of other endpoints run right after this one (what a planted reference leads to). */
  readonly then?: readonly (Req & { readonly method: string })[];
}
type Probe = (x: Ids) => Req[];

let fresh = 0;
/** A key nobody has used yet: each run of a create gets its own. */
const newKey = (prefix: string) => `${prefix}${++fresh}`;
const uploadedAt = "2026-01-01T00:00:00Z";
const letterOfA = () => ({ documentBase64: base64(minimalDocx("A-OWN letter «Name»")) });

/** What a planted document id leads to: reading, checking, merging and deleting the letter. */
const documentProbe = (x: Ids, segment: string, lineNo: number): Req[] =>
  x.documents.map((documentId) => {
    const job = randomUUID();
    return {
      path: `/segments/${segment}/lines/${lineNo}`,
      body: { attachment: { kind: "unique", documentId, fileName: "x.docx", uploadedAt } },
      then: [
        { method: "GET", path: `/segments/${segment}/lines/${lineNo}/attachment` },
        { method: "POST", path: `/segments/${segment}/log-check` },
        {
          method: "POST",
          path: `/segments/${segment}/merge`,
          body: { jobId: job, output: "perContact", template: letterOfA() },
        },
        { method: "GET", path: `/merge-jobs/${job}/result` },
        { method: "DELETE", path: `/segments/${segment}/lines/${lineNo}/attachment` },
      ],
    };
  });

const criteria = (x: Ids) => [
  { kind: "field", field: "no", op: "in", values: [x.contact, x.person] },
  { kind: "list", list: "mailingGroups", codes: [x.contactCode] },
  { kind: "profile", questionnaire: x.contactCode, question: "Size", value: "A-OWN answer" },
  { kind: "field", field: "companyNo", op: "eq", value: x.contact },
  { kind: "field", field: "salespersonCode", op: "eq", value: x.salesperson },
  { kind: "segment", segmentNo: x.segment },
  { kind: "segment", loggedSegmentEntryNo: x.logged },
  { kind: "segment", in: false, segmentNo: x.segment },
  {
    kind: "interactions",
    segmentNo: x.segment,
    campaignNo: x.campaign,
    interactionTemplateCode: x.template,
    salespersonCode: x.salesperson,
  },
];

/** Requests on one segment line: a line No. only B has on SEG, and a segment only B has. */
const lines = (x: Ids, suffix = "") => [
  `/segments/${own.segment}/lines/${x.lineNo}${suffix}`,
  `/segments/${x.segment}/lines/${own.lineNo}${suffix}`,
];

const probes: Record<EndpointName, Probe> = {
  getHealth: () => [{ path: "/health" }],
  getOpenApi: () => [{ path: "/openapi.json" }],
  listContacts: (x) => [
    { path: "/contacts", query: { companyNo: x.contact, salespersonCode: x.salesperson } },
    { path: "/contacts", query: { search: x.person } },
    { path: "/contacts", query: { top: "1", continuationToken: x.token } },
  ],
  createContact: (x) => [
    {
      path: "/contacts",
      body: {
        no: newKey("NEWC"),
        type: "person",
        name: "A-OWN new",
        companyNo: x.contact,
        salespersonCode: x.salesperson,
      },
    },
    // Codes and profile answers are looked up in A's own tables only.
    {
      path: "/contacts",
      body: {
        no: newKey("NEWC"),
        type: "company",
        name: "A-OWN coded",
        mailingGroups: [x.contactCode],
        industryGroups: [x.contactCode],
        profileAnswers: [
          { questionnaire: x.contactCode, question: "Size", answer: "A-OWN answer" },
        ],
      },
    },
  ],
  importContacts: (x) => [
    {
      path: "/contacts/import",
      body: {
        csv: `No.;Name;Type;Company No.;Salesperson Code\r\n${newKey("IMP")};A-OWN imported;person;${x.contact};${x.salesperson}\r\n`,
      },
    },
    {
      path: "/contacts/import",
      body: {
        csv: `No.;Name;Type;Mailing Groups;Job Responsibilities\r\n${newKey("IMP")};A-OWN coded;person;${x.contactCode};${x.contactCode}\r\n`,
      },
    },
  ],
  exportContacts: (x) => [
    { path: "/contacts/export", query: { companyNo: x.contact, salespersonCode: x.salesperson } },
  ],
  getContact: (x) => [{ path: `/contacts/${x.contact}` }, { path: `/contacts/${x.person}` }],
  updateContact: (x) => [
    { path: `/contacts/${x.person}`, body: { city: "A-OWN" } },
    {
      path: `/contacts/${own.person}`,
      body: { companyNo: x.contact, salespersonCode: x.salesperson },
    },
  ],
  deleteContact: (x) => [{ path: `/contacts/${x.contact}` }, { path: `/contacts/${x.person}` }],
  listSegments: (x) => [
    { path: "/segments", query: { campaignNo: x.campaign, salespersonCode: x.salesperson } },
    { path: "/segments", query: { search: x.segment } },
    { path: "/segments", query: { top: "1", continuationToken: x.token } },
  ],
  createSegment: (x) => [
    {
      path: "/segments",
      body: {
        no: newKey("NEWS"),
        description: "A-OWN",
        campaignNo: x.campaign,
        salespersonCode: x.salesperson,
        interactionTemplateCode: x.template,
      },
    },
  ],
  getSegment: (x) => [{ path: `/segments/${x.segment}` }],
  updateSegment: (x) => [
    { path: `/segments/${x.segment}`, body: { description: "A-OWN" } },
    {
      path: `/segments/${own.segment}`,
      body: {
        campaignNo: x.campaign,
        salespersonCode: x.salesperson,
        interactionTemplateCode: x.template,
      },
    },
  ],
  deleteSegment: (x) => [{ path: `/segments/${x.segment}` }],
  listSegmentLines: (x) => [
    { path: `/segments/${x.segment}/lines` },
    { path: `/segments/${own.segment}/lines`, query: { contactNo: x.person } },
    { path: `/segments/${own.segment}/lines`, query: { top: "1", continuationToken: x.token } },
  ],
  createSegmentLine: (x) => [
    { path: `/segments/${x.segment}/lines`, body: { contactNo: own.person } },
    {
      path: `/segments/${own.segment}/lines`,
      body: { contactNo: x.person, salespersonCode: x.salesperson },
    },
    {
      path: `/segments/${own.segment}/lines`,
      body: { contactNo: own.person, allowExistingContacts: true, campaignNo: x.campaign },
    },
    {
      path: `/segments/${own.segment}/lines`,
      body: {
        contactNo: own.person,
        allowExistingContacts: true,
        interactionTemplateCode: x.template,
      },
    },
    ...x.documents.map((documentId) => ({
      path: `/segments/${own.segment}/lines`,
      body: {
        contactNo: "KT3",
        attachment: { kind: "unique", documentId, fileName: "x.docx", uploadedAt },
      },
    })),
  ],
  getSegmentLine: (x) => lines(x).map((path) => ({ path })),
  updateSegmentLine: (x) => [
    ...lines(x).map((path) => ({ path, body: { note: "A-OWN" } })),
    {
      path: `/segments/${own.segment}/lines/${own.lineNo}`,
      body: { salespersonCode: x.salesperson },
    },
    {
      path: `/segments/${own.segment}/lines/${own.lineNo}`,
      body: { campaignNo: x.campaign },
    },
    {
      path: `/segments/${own.segment}/lines/${own.lineNo}`,
      body: { interactionTemplateCode: x.template },
    },
    ...documentProbe(x, own.segment, own.lineNo),
  ],
  deleteSegmentLine: (x) => lines(x).map((path) => ({ path })),
  listSegmentInteractionLanguages: (x) => [
    { path: `/segments/${x.segment}/interaction-languages` },
  ],
  createSegmentInteractionLanguage: (x) => [
    {
      path: `/segments/${x.segment}/interaction-languages`,
      body: { languageCode: "fr-FR", subject: "A-OWN" },
    },
  ],
  getSegmentInteractionLanguage: (x) => [
    { path: `/segments/${x.segment}/interaction-languages/da-DK` },
  ],
  updateSegmentInteractionLanguage: (x) => [
    { path: `/segments/${x.segment}/interaction-languages/da-DK`, body: { subject: "A-OWN" } },
  ],
  deleteSegmentInteractionLanguage: (x) => [
    { path: `/segments/${x.segment}/interaction-languages/da-DK` },
  ],
  listInteractionTemplates: (x) => [
    { path: "/interaction-templates", query: { campaignNo: x.campaign } },
    { path: "/interaction-templates", query: { search: x.template } },
    { path: "/interaction-templates", query: { top: "1", continuationToken: x.token } },
  ],
  createInteractionTemplate: (x) => [
    { path: "/interaction-templates", body: { code: newKey("NEWT"), campaignNo: x.campaign } },
  ],
  getInteractionTemplate: (x) => [{ path: `/interaction-templates/${x.template}` }],
  updateInteractionTemplate: (x) => [
    { path: `/interaction-templates/${x.template}`, body: { description: "A-OWN" } },
    { path: `/interaction-templates/${own.template}`, body: { campaignNo: x.campaign } },
  ],
  deleteInteractionTemplate: (x) => [{ path: `/interaction-templates/${x.template}` }],
  listCampaigns: (x) => [
    { path: "/campaigns", query: { salespersonCode: x.salesperson } },
    { path: "/campaigns", query: { search: x.campaign } },
    { path: "/campaigns", query: { top: "1", continuationToken: x.token } },
  ],
  createCampaign: (x) => [
    { path: "/campaigns", body: { no: newKey("NEWK"), salespersonCode: x.salesperson } },
  ],
  getCampaign: (x) => [{ path: `/campaigns/${x.campaign}` }],
  updateCampaign: (x) => [
    { path: `/campaigns/${x.campaign}`, body: { description: "A-OWN" } },
    { path: `/campaigns/${own.campaign}`, body: { salespersonCode: x.salesperson } },
  ],
  deleteCampaign: (x) => [{ path: `/campaigns/${x.campaign}` }],
  listCampaignEntries: (x) => [
    { path: `/campaigns/${x.campaign}/entries` },
    { path: `/campaigns/${x.campaign}/entries`, query: { canceled: "false" } },
    {
      path: `/campaigns/${own.campaign}/entries`,
      query: { top: "1", continuationToken: x.token },
    },
  ],
  getCampaignStatistics: (x) => [{ path: `/campaigns/${x.campaign}/statistics` }],
  listSalespeople: (x) => [
    { path: "/salespeople", query: { search: x.salesperson } },
    { path: "/salespeople", query: { top: "1", continuationToken: x.token } },
  ],
  createSalesperson: () => [{ path: "/salespeople", body: { code: newKey("NP"), name: "A-OWN" } }],
  getSalesperson: (x) => [{ path: `/salespeople/${x.salesperson}` }],
  updateSalesperson: (x) => [{ path: `/salespeople/${x.salesperson}`, body: { name: "A-OWN" } }],
  deleteSalesperson: (x) => [{ path: `/salespeople/${x.salesperson}` }],
  listJobResponsibilities: (x) => [
    { path: "/job-responsibilities", query: { search: x.contactCode } },
    { path: "/job-responsibilities", query: { top: "1", continuationToken: x.token } },
  ],
  createJobResponsibility: () => [
    { path: "/job-responsibilities", body: { code: newKey("NCC"), description: "A-OWN" } },
  ],
  getJobResponsibility: (x) => [{ path: `/job-responsibilities/${x.contactCode}` }],
  updateJobResponsibility: (x) => [
    { path: `/job-responsibilities/${x.contactCode}`, body: { description: "A-OWN" } },
  ],
  deleteJobResponsibility: (x) => [{ path: `/job-responsibilities/${x.contactCode}` }],
  listBusinessRelations: (x) => [
    { path: "/business-relations", query: { search: x.contactCode } },
    { path: "/business-relations", query: { top: "1", continuationToken: x.token } },
  ],
  createBusinessRelation: () => [
    { path: "/business-relations", body: { code: newKey("NCC"), description: "A-OWN" } },
  ],
  getBusinessRelation: (x) => [{ path: `/business-relations/${x.contactCode}` }],
  updateBusinessRelation: (x) => [
    { path: `/business-relations/${x.contactCode}`, body: { description: "A-OWN" } },
  ],
  deleteBusinessRelation: (x) => [{ path: `/business-relations/${x.contactCode}` }],
  listIndustryGroups: (x) => [
    { path: "/industry-groups", query: { search: x.contactCode } },
    { path: "/industry-groups", query: { top: "1", continuationToken: x.token } },
  ],
  createIndustryGroup: () => [
    { path: "/industry-groups", body: { code: newKey("NCC"), description: "A-OWN" } },
  ],
  getIndustryGroup: (x) => [{ path: `/industry-groups/${x.contactCode}` }],
  updateIndustryGroup: (x) => [
    { path: `/industry-groups/${x.contactCode}`, body: { description: "A-OWN" } },
  ],
  deleteIndustryGroup: (x) => [{ path: `/industry-groups/${x.contactCode}` }],
  listMailingGroups: (x) => [
    { path: "/mailing-groups", query: { search: x.contactCode } },
    { path: "/mailing-groups", query: { top: "1", continuationToken: x.token } },
  ],
  createMailingGroup: () => [
    { path: "/mailing-groups", body: { code: newKey("NCC"), description: "A-OWN" } },
  ],
  getMailingGroup: (x) => [{ path: `/mailing-groups/${x.contactCode}` }],
  updateMailingGroup: (x) => [
    { path: `/mailing-groups/${x.contactCode}`, body: { description: "A-OWN" } },
  ],
  deleteMailingGroup: (x) => [{ path: `/mailing-groups/${x.contactCode}` }],
  listProfileQuestionnaires: (x) => [
    { path: "/profile-questionnaires", query: { search: x.contactCode } },
    { path: "/profile-questionnaires", query: { top: "1", continuationToken: x.token } },
  ],
  createProfileQuestionnaire: () => [
    {
      path: "/profile-questionnaires",
      body: { code: newKey("NPQ"), description: "A-OWN", questions: [{ description: "Q" }] },
    },
  ],
  getProfileQuestionnaire: (x) => [{ path: `/profile-questionnaires/${x.contactCode}` }],
  updateProfileQuestionnaire: (x) => [
    { path: `/profile-questionnaires/${x.contactCode}`, body: { description: "A-OWN" } },
    { path: `/profile-questionnaires/${x.contactCode}`, body: { questions: [] } },
  ],
  deleteProfileQuestionnaire: (x) => [{ path: `/profile-questionnaires/${x.contactCode}` }],
  listCriteriaFields: () => [{ path: "/criteria/fields" }],
  // The same fixed catalog for every tenant: nothing of a tenant to leak, still signed in.
  listLanguages: () => [{ path: "/languages", query: { search: "da" } }],
  suggestFieldValues: (x) => [
    { path: "/criteria/fields/city/values" },
    { path: "/criteria/fields/name/values" },
    { path: "/criteria/fields/no/values", query: { search: x.person } },
    { path: "/criteria/fields/profileQuestions/values", query: { questionnaire: x.contactCode } },
    {
      path: "/criteria/fields/profileAnswers/values",
      query: { questionnaire: x.contactCode, question: "Size" },
    },
  ],
  listCriteriaActions: (x) => [{ path: `/segments/${x.segment}/criteria-actions` }],
  addContacts: (x) => [
    { path: `/segments/${x.segment}/add-contacts`, body: { filter: criteria(own)[0] } },
    ...criteria(x).map((filter) => ({
      path: `/segments/${own.segment}/add-contacts`,
      body: { filter, options: { allowExistingContacts: true }, dryRun: true },
    })),
  ],
  reduceContacts: (x) => [
    { path: `/segments/${x.segment}/reduce-contacts`, body: { filter: criteria(own)[0] } },
    ...criteria(x).map((filter) => ({
      path: `/segments/${own.segment}/reduce-contacts`,
      body: { filter, dryRun: true },
    })),
  ],
  refineContacts: (x) => [
    { path: `/segments/${x.segment}/refine-contacts`, body: { filter: criteria(own)[0] } },
    ...criteria(x).map((filter) => ({
      path: `/segments/${own.segment}/refine-contacts`,
      body: { filter, dryRun: true },
    })),
  ],
  goBack: (x) => [
    { path: `/segments/${x.segment}/go-back`, body: {} },
    { path: `/segments/${own.segment}/go-back`, body: { actionNo: x.actionNo } },
  ],
  saveCriteria: (x) => [
    { path: `/segments/${x.segment}/save-criteria`, body: { code: newKey("SV") } },
  ],
  reuseCriteria: (x) => [
    { path: `/segments/${x.segment}/reuse-criteria`, body: { code: own.saved, confirm: true } },
    {
      path: `/segments/${own.segment}/reuse-criteria`,
      body: { code: x.saved, confirm: true, dryRun: true },
    },
  ],
  reuseSegment: (x) => [
    {
      path: `/segments/${x.segment}/reuse-segment`,
      body: { loggedSegmentEntryNo: own.logged, dryRun: true },
    },
    {
      path: `/segments/${own.segment}/reuse-segment`,
      body: { loggedSegmentEntryNo: x.logged, dryRun: true },
    },
    { path: `/segments/${own.segment}/reuse-segment`, body: { loggedSegmentEntryNo: x.logged } },
  ],
  explainLine: (x) => lines(x, "/explain").map((path) => ({ path })),
  refreshSegment: (x) => [{ path: `/segments/${x.segment}/refresh`, body: { apply: false } }],
  listSavedCriteria: (x) => [
    { path: "/saved-criteria", query: { search: x.saved } },
    { path: "/saved-criteria", query: { top: "1", continuationToken: x.token } },
  ],
  getSavedCriteria: (x) => [{ path: `/saved-criteria/${x.saved}` }],
  deleteSavedCriteria: (x) => [{ path: `/saved-criteria/${x.saved}` }],
  uploadTemplateAttachment: (x) => [
    {
      path: `/interaction-templates/${x.template}/attachments/da-DK`,
      file: minimalDocx("A-OWN template letter"),
    },
  ],
  downloadTemplateAttachment: (x) => [
    { path: `/interaction-templates/${x.template}/attachments/da-DK` },
  ],
  getTemplateFieldMatches: (x) => [
    { path: `/interaction-templates/${x.template}/attachments/da-DK/field-matches` },
  ],
  putTemplateFieldMatches: (x) => [
    {
      path: `/interaction-templates/${x.template}/attachments/da-DK/field-matches`,
      body: { matches: {} },
    },
  ],
  deleteTemplateAttachment: (x) => [
    { path: `/interaction-templates/${x.template}/attachments/da-DK` },
  ],
  applyTemplate: (x) => [
    {
      path: `/segments/${x.segment}/apply-template`,
      body: { interactionTemplateCode: own.template },
    },
    {
      path: `/segments/${own.segment}/apply-template`,
      body: { interactionTemplateCode: x.template, updateLines: true, jobId: x.applyJob },
    },
    {
      path: `/segments/${x.segment}/apply-template`,
      body: { interactionTemplateCode: own.template, updateLines: true, jobId: x.applyJob },
      then: [
        { method: "GET", path: `/apply-template-jobs/${x.applyJob}` },
        { method: "POST", path: `/apply-template-jobs/${x.applyJob}/cancel` },
      ],
    },
  ],
  getApplyTemplateJob: (x) => [{ path: `/apply-template-jobs/${x.applyJob}` }],
  cancelApplyTemplateJob: (x) => [{ path: `/apply-template-jobs/${x.applyJob}/cancel` }],
  uploadLineAttachment: (x) =>
    lines(x, "/attachment").map((path) => ({ path, file: minimalDocx("A-OWN own letter") })),
  downloadLineAttachment: (x) => lines(x, "/attachment").map((path) => ({ path })),
  deleteLineAttachment: (x) => lines(x, "/attachment").map((path) => ({ path })),
  getSegmentLetter: (x) => [{ path: `/segments/${x.segment}/letter` }],
  downloadSegmentLetter: (x) => [{ path: `/segments/${x.segment}/letter/content` }],
  putSegmentLetter: (x) => [
    {
      path: `/segments/${x.segment}/letter`,
      file: minimalDocx("A-OWN segment letter"),
      then: [
        { method: "GET", path: `/segments/${x.segment}/letter` },
        { method: "GET", path: `/segments/${x.segment}/letter/content` },
      ],
    },
  ],
  deleteSegmentLetter: (x) => [{ path: `/segments/${x.segment}/letter` }],
  checkLog: (x) => [{ path: `/segments/${x.segment}/log-check` }],
  // With A's own SEG (the run on shared numbers) this logs A's segment under the key B used.
  logSegment: (x) => [
    {
      path: `/segments/${x.segment}/log`,
      body: {},
      headers: { "idempotency-key": bIdempotencyKey },
    },
  ],
  resumeLog: (x) => [{ path: `/segments/${x.segment}/log/resume` }],
  getLogStatus: (x) => [{ path: `/segments/${x.segment}/log-status` }],
  listLoggedSegments: (x) => [
    { path: "/logged-segments", query: { segmentNo: x.segment } },
    { path: "/logged-segments", query: { search: x.segment } },
    { path: "/logged-segments", query: { top: "1", continuationToken: x.token } },
  ],
  getLoggedSegment: (x) => [{ path: `/logged-segments/${x.logged}` }],
  listLoggedSegmentEntries: (x) => [
    { path: `/logged-segments/${x.logged}/entries` },
    {
      path: `/logged-segments/${own.logged}/entries`,
      query: { top: "1", continuationToken: x.token },
    },
  ],
  cancelLoggedSegment: (x) => [{ path: `/logged-segments/${x.logged}/cancel` }],
  undoCancelLoggedSegment: (x) => [{ path: `/logged-segments/${x.logged}/undo-cancel` }],
  deleteLoggedSegment: (x) => [{ path: `/logged-segments/${x.logged}` }],
  createFollowUpSegment: (x) => [{ path: `/logged-segments/${x.logged}/follow-up` }],
  resendLoggedSegment: (x) => [
    { path: `/logged-segments/${x.logged}/resend`, body: {} },
    { path: `/logged-segments/${x.logged}/resend`, body: { jobId: x.resendJob } },
  ],
  getEntryLetter: (x) => [{ path: `/interaction-log-entries/${x.letterEntryNo}/letter` }],
  resendEntry: (x) => [{ path: `/interaction-log-entries/${x.letterEntryNo}/resend`, body: {} }],
  listContactInteractions: (x) => [
    { path: `/contacts/${x.person}/interactions` },
    {
      path: `/contacts/${own.person}/interactions`,
      query: {
        interactionTemplateCode: x.template,
        campaignNo: x.campaign,
        segmentNo: x.segment,
        salespersonCode: x.salesperson,
      },
    },
    {
      path: `/contacts/${own.person}/interactions`,
      query: { top: "1", continuationToken: x.token },
    },
  ],
  evaluateInteraction: (x) => [
    {
      path: `/interactions/${x.entry.contactNo}/${x.entry.entryNo}`,
      body: { evaluation: "positive" },
    },
    { path: `/interactions/${own.person}/${x.entry.entryNo}`, body: { evaluation: "positive" } },
  ],
  getInteractionStatistics: () => [
    { path: "/interaction-statistics", query: { by: "template" } },
    { path: "/interaction-statistics", query: { by: "campaign" } },
  ],
  listMergeFields: () => [{ path: "/merge/fields" }],
  getMergeData: (x) => [
    { path: `/segments/${x.segment}/merge-data` },
    { path: `/segments/${own.segment}/merge-data`, query: { lineNo: String(x.lineNo) } },
    {
      path: `/segments/${own.segment}/merge-data`,
      query: { top: "1", continuationToken: x.token },
    },
  ],
  checkMerge: (x) => [
    { path: `/segments/${x.segment}/merge-check`, body: { template: letterOfA() } },
    {
      path: `/segments/${own.segment}/merge-check`,
      body: { template: { interactionTemplateCode: x.template, languageCode: "da-DK" } },
    },
    { path: `/segments/${own.segment}/merge-check`, body: { jobId: x.job, template: letterOfA() } },
    {
      path: `/segments/${own.segment}/merge-check`,
      body: { template: letterOfA(), documentId: x.documents[0] },
    },
  ],
  startMerge: (x) => [
    { path: `/segments/${x.segment}/merge`, body: { template: letterOfA() } },
    {
      path: `/segments/${own.segment}/merge`,
      body: {
        output: "perContact",
        template: { interactionTemplateCode: x.template, languageCode: "da-DK" },
      },
    },
  ],
  previewEmail: (x) => [
    { path: `/segments/${x.segment}/email-preview`, body: { contactNo: x.contact } },
    {
      path: `/segments/${own.segment}/email-preview`,
      body: { contactNo: x.person, email: { kind: "letter" } },
    },
  ],
  getContactImportJob: (x) => [{ path: `/contact-import-jobs/${x.importJob}` }],
  cancelContactImportJob: (x) => [{ path: `/contact-import-jobs/${x.importJob}/cancel` }],
  getMergeJob: (x) => [{ path: `/merge-jobs/${x.job}` }],
  downloadMergeResult: (x) => [{ path: `/merge-jobs/${x.job}/result` }],
  cancelMergeJob: (x) => [{ path: `/merge-jobs/${x.job}/cancel` }],
  sendLoggedSegment: (x) => [
    { path: `/logged-segments/${x.logged}/send`, body: {} },
    { path: `/logged-segments/${x.logged}/send`, body: { jobId: x.sendJob } },
  ],
  listLoggedSegmentSendJobs: (x) => [{ path: `/logged-segments/${x.logged}/send-jobs` }],
  getSendJob: (x) => [{ path: `/send-jobs/${x.sendJob}` }],
  listSendJobDeliveries: (x) => [
    { path: `/send-jobs/${x.sendJob}/deliveries` },
    { path: `/send-jobs/${own.sendJob}/deliveries`, query: { continuation: x.token } },
  ],
  cancelSendJob: (x) => [{ path: `/send-jobs/${x.sendJob}/cancel` }],
  retrySendJob: (x) => [{ path: `/send-jobs/${x.sendJob}/retry` }],
  getSendJobPrintFile: (x) => [{ path: `/send-jobs/${x.sendJob}/print-file` }],
  resendEntryByEmail: (x) => [
    { path: `/interaction-log-entries/${x.letterEntryNo}/send`, body: {} },
    { path: `/interaction-log-entries/${x.letterEntryNo}/send`, body: { jobId: x.sendJob } },
  ],
};

/**
 * Requests that create an object of A's under a key only B used so far, run last (afterwards A
 * has its own object under that key), each followed by reading what A now has there. They run
 * in this order: the segment SEGB that A creates gets A's own copy of contact KB2.
 */
const createsUnderKey: Partial<Record<EndpointName, Probe>> = {
  createContact: (x) => [
    {
      path: "/contacts",
      body: { no: x.contact, type: "company", name: "A-OWN copy" },
      then: [
        { method: "GET", path: `/contacts/${x.contact}` },
        { method: "GET", path: `/contacts/${x.contact}/interactions` },
      ],
    },
  ],
  importContacts: (x) => [
    {
      path: "/contacts/import",
      body: { csv: `No.;Name;Type\r\n${x.person};A-OWN person copy;person\r\n` },
      then: [{ method: "GET", path: `/contacts/${x.person}/interactions` }],
    },
    {
      // A's own import job under B's job id: A follows and cancels its own job only.
      path: "/contacts/import",
      body: {
        csv: `No.;Name;Type\r\n${newKey("IMJ")};A-OWN job import;person\r\n`,
        jobId: x.importJob,
      },
      then: [
        { method: "GET", path: `/contact-import-jobs/${x.importJob}` },
        { method: "POST", path: `/contact-import-jobs/${x.importJob}/cancel` },
      ],
    },
  ],
  createSegment: (x) => [
    {
      path: "/segments",
      body: { no: x.segment, description: "A-OWN copy" },
      then: [
        { method: "GET", path: `/segments/${x.segment}` },
        { method: "GET", path: `/segments/${x.segment}/lines` },
        { method: "GET", path: `/segments/${x.segment}/criteria-actions` },
        { method: "GET", path: `/segments/${x.segment}/log-status` },
        { method: "GET", path: `/segments/${x.segment}/merge-data` },
        { method: "POST", path: `/segments/${x.segment}/log-check` },
      ],
    },
  ],
  createSegmentLine: (x) => [
    {
      path: `/segments/${x.segment}/lines`,
      body: { contactNo: x.person },
      then: [
        { method: "GET", path: `/segments/${x.segment}/lines/${own.lineNo}` },
        { method: "GET", path: `/segments/${x.segment}/lines/${own.lineNo}/attachment` },
        { method: "GET", path: `/segments/${x.segment}/lines/${own.lineNo}/explain` },
        {
          method: "POST",
          path: `/segments/${x.segment}/add-contacts`,
          body: { filter: { kind: "field", field: "no", op: "eq", value: x.contact } },
        },
      ],
    },
  ],
  createInteractionTemplate: (x) => [
    {
      path: "/interaction-templates",
      body: { code: x.template, description: "A-OWN copy" },
      then: [
        { method: "GET", path: `/interaction-templates/${x.template}` },
        { method: "GET", path: `/interaction-templates/${x.template}/attachments/da-DK` },
      ],
    },
  ],
  createCampaign: (x) => [
    {
      path: "/campaigns",
      body: { no: x.campaign, description: "A-OWN copy" },
      then: [{ method: "GET", path: `/campaigns/${x.campaign}` }],
    },
  ],
  createSalesperson: (x) => [
    {
      path: "/salespeople",
      body: { code: x.salesperson, name: "A-OWN copy" },
      then: [{ method: "GET", path: `/salespeople/${x.salesperson}` }],
    },
  ],
  createJobResponsibility: (x) => [
    {
      path: "/job-responsibilities",
      body: { code: x.contactCode, description: "A-OWN copy" },
      then: [{ method: "GET", path: `/job-responsibilities/${x.contactCode}` }],
    },
  ],
  createBusinessRelation: (x) => [
    {
      path: "/business-relations",
      body: { code: x.contactCode, description: "A-OWN copy" },
      then: [{ method: "GET", path: `/business-relations/${x.contactCode}` }],
    },
  ],
  createIndustryGroup: (x) => [
    {
      path: "/industry-groups",
      body: { code: x.contactCode, description: "A-OWN copy" },
      then: [{ method: "GET", path: `/industry-groups/${x.contactCode}` }],
    },
  ],
  createMailingGroup: (x) => [
    {
      path: "/mailing-groups",
      body: { code: x.contactCode, description: "A-OWN copy" },
      then: [{ method: "GET", path: `/mailing-groups/${x.contactCode}` }],
    },
  ],
  createProfileQuestionnaire: (x) => [
    {
      path: "/profile-questionnaires",
      body: { code: x.contactCode, description: "A-OWN copy" },
      then: [{ method: "GET", path: `/profile-questionnaires/${x.contactCode}` }],
    },
  ],
  saveCriteria: (x) => [
    {
      path: `/segments/${x.segment}/save-criteria`,
      body: { code: x.saved },
      then: [{ method: "GET", path: `/saved-criteria/${x.saved}` }],
    },
  ],
  resendLoggedSegment: (x) => [
    {
      path: `/logged-segments/${aResendLogged}/resend`,
      body: { jobId: x.resendJob },
      then: [
        { method: "GET", path: `/merge-jobs/${x.resendJob}` },
        { method: "GET", path: `/merge-jobs/${x.resendJob}/result` },
      ],
    },
  ],
  sendLoggedSegment: (x) => [
    {
      path: `/logged-segments/${aResendLogged}/send`,
      body: { jobId: x.sendJob },
      then: [
        { method: "GET", path: `/send-jobs/${x.sendJob}` },
        { method: "GET", path: `/send-jobs/${x.sendJob}/deliveries` },
        { method: "GET", path: `/logged-segments/${aResendLogged}/send-jobs` },
        { method: "POST", path: `/send-jobs/${x.sendJob}/cancel` },
      ],
    },
  ],
  startMerge: (x) => [
    {
      path: `/segments/${x.segment}/merge`,
      body: { jobId: x.job, output: "perContact", template: letterOfA() },
      then: [
        { method: "GET", path: `/merge-jobs/${x.job}` },
        { method: "GET", path: `/merge-jobs/${x.job}/result` },
        { method: "POST", path: `/merge-jobs/${x.job}/cancel` },
      ],
    },
  ],
};

/** Endpoints that end or remove what later probes of A's own objects need: they go last. */
const finishing: readonly EndpointName[] = [
  "logSegment",
  "cancelLoggedSegment",
  "deleteLoggedSegment",
  "deleteSegmentLine",
  "deleteSegmentInteractionLanguage",
  "deleteSegment",
  "deleteContact",
  "deleteCampaign",
  "deleteSalesperson",
  "deleteJobResponsibility",
  "deleteBusinessRelation",
  "deleteIndustryGroup",
  "deleteMailingGroup",
  "deleteProfileQuestionnaire",
  "deleteInteractionTemplate",
  "deleteSavedCriteria",
  "deleteTemplateAttachment",
];

/** Everything in a response a person could read, with letters and zips opened. */
const readable = (res: CallResult): string => {
  const opened = (bytes: Uint8Array): string => {
    if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return Buffer.from(bytes).toString("latin1");
    return Object.entries(unzipSync(bytes))
      .map(([name, part]) => `${name}\n${opened(part)}`)
      .join("\n");
  };
  return [
    res.text,
    [...res.headers.entries()].map(([k, v]) => `${k}: ${v}`).join("\n"),
    res.bytes ? opened(res.bytes) : "",
  ].join("\n");
};

/** What two answers must share when the ids differ only in who (if anyone) owns them. */
const fingerprint = (res: CallResult) => {
  const json = (res.json ?? {}) as Record<string, unknown>;
  const errors = Array.isArray(json["errors"])
    ? (json["errors"] as { in: string; field: string; rule: string }[])
        .map((e) => `${e.in} ${e.field} ${e.rule}`)
        .sort()
    : [];
  const counts = Object.fromEntries(
    Object.entries(json).flatMap(([k, v]) =>
      Array.isArray(v)
        ? [[k, v.length]]
        : typeof v === "number" &&
            /^(lines|records|linesAdded|linesRemoved|linesDeleted|linesRestored|noOf\w+|imported|created|updated|invalid)$/.test(
              k,
            )
          ? [[k, v]]
          : [],
    ),
  );
  return { status: res.status, errors, counts };
};

const methodOf = (name: EndpointName) => (contract[name] as EndpointSpec).method;

const specOf = (method: string, path: string) =>
  (Object.values(contract) as EndpointSpec[]).find(
    (s) => s.method === method && compileRoute(s.path).match(path),
  );

/** One request as A, with A's current ETag where the endpoint requires one. */
const send = async (method: string, req: Req): Promise<CallResult> => {
  let ifMatch: string | undefined;
  if (specOf(method, req.path)?.ifMatch === "required") {
    // Log and Apply Template take the segment's ETag; updates the entity's own.
    const of = /\/(log|apply-template)$/.test(req.path)
      ? req.path.replace(/\/[^/]+$/, "")
      : req.path;
    const current = await api.call("GET", `/api${of}`, A);
    ifMatch = current.status === 200 ? String(current.json.etag) : '"none"';
  }
  const given = Object.entries(req.query ?? {}).filter((e): e is [string, string] => !!e[1]);
  const query = given.length ? `?${new URLSearchParams(given).toString()}` : "";
  return api.call(method, `/api${req.path}${query}`, {
    ...A,
    ...(req.body !== undefined ? { body: req.body } : {}),
    ...(req.file ? { rawBody: { contentType: docx, bytes: req.file } } : {}),
    ...(req.headers ? { headers: req.headers } : {}),
    ...(ifMatch ? { ifMatch } : {}),
  });
};

/** Runs a request and what follows it, to the end whatever they answer. */
const run = async (method: string, req: Req): Promise<CallResult[]> => {
  const answers = [await send(method, req)];
  for (const next of req.then ?? []) answers.push(await send(next.method, next));
  return answers;
};

/** What must never happen to any answer: a 5xx, or anything of B's in it. */
const troubles = (req: Req, answers: readonly CallResult[]): string[] =>
  answers.flatMap((res, i) => [
    ...(res.status >= 500 ? [`${req.path} (${i}): ${res.status}`] : []),
    ...(leak.test(readable(res)) ? [`${req.path} (${i}): shows B's data`] : []),
  ]);

/** Every item (any container) and blob of a tenant, with the version the store gave it. */
const stateOf = async (tenant: string): Promise<string[]> => {
  const state: string[] = [];
  for (const container of Object.values(api.deps.store.containers)) {
    const { resources } = await container.items
      .query<{ id: string; pk: string; tenantId?: string; _etag: string }>(
        "SELECT c.id, c.pk, c.tenantId, c._etag FROM c",
      )
      .fetchAll();
    for (const r of resources) {
      if (r.tenantId === tenant || String(r.pk).startsWith(`${tenant}|`))
        state.push(`${container.id} ${r.pk} ${r.id} ${r._etag}`);
    }
  }
  const blobs = api.deps.blobs as NonNullable<ApiHarness["deps"]["blobs"]>;
  for await (const blob of blobs.listBlobsFlat()) {
    if (!blob.name.startsWith(`${tenant}/`)) continue;
    const bytes = await blobs.getBlobClient(blob.name).downloadToBuffer();
    state.push(`blob ${blob.name} ${createHash("sha256").update(bytes).digest("hex")}`);
  }
  return state.sort();
};

const seed = async () => {
  const ok = async (who: { tenant: string }, method: string, path: string, body?: object) => {
    const res = await api.call(method, `/api${path}`, { ...who, ...(body ? { body } : {}) });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res.json;
  };
  const upload = async (who: { tenant: string }, path: string, text: string) => {
    const res = await api.call("PUT", `/api${path}`, {
      ...who,
      rawBody: { contentType: docx, bytes: minimalDocx(text) },
      headers: { "x-file-name": encodeURIComponent(`${text}.docx`) },
    });
    if (res.status !== 200) throw new Error(`PUT ${path}: ${res.status} ${res.text}`);
  };
  const log = async (who: { tenant: string }, segmentNo: string, key: string) => {
    const segment = await ok(who, "GET", `/segments/${segmentNo}`);
    const res = await api.call("POST", `/api/segments/${segmentNo}/log`, {
      ...who,
      body: {},
      ifMatch: segment.etag,
      headers: { "idempotency-key": key },
    });
    if (res.status !== 200) throw new Error(`Log ${segmentNo}: ${res.status} ${res.text}`);
    return res.json.loggedSegment.entryNo as number;
  };
  // The same numbers and codes in both tenants; every text of B's carries its marker.
  for (const [who, m] of [
    [A, "A-OWN"],
    [B, "B-SECRET"],
  ] as const) {
    const mail = m.toLowerCase();
    await ok(who, "POST", "/salespeople", {
      code: "SP",
      name: `${m} Sales`,
      email: `sp@${mail}.example`,
    });
    await ok(who, "POST", "/campaigns", {
      no: "CP",
      description: `${m} campaign`,
      salespersonCode: "SP",
    });
    await ok(who, "POST", "/interaction-templates", {
      code: "TPL",
      description: `${m} template`,
      campaignNo: "CP",
    });
    await upload(
      who,
      "/interaction-templates/TPL/attachments/da-DK",
      `${m} template letter «Name»`,
    );
    await ok(who, "POST", "/contacts", {
      no: "KT1",
      type: "company",
      name: `${m} Company`,
      city: `${m} City`,
      email: `info@${mail}.example`,
    });
    await ok(who, "POST", "/contacts", {
      no: "KT2",
      type: "person",
      name: `${m} Person`,
      companyNo: "KT1",
      salespersonCode: "SP",
      city: `${m} Town`,
    });
    await ok(who, "POST", "/contacts", { no: "KT3", type: "person", name: `${m} Third` });
    await ok(who, "POST", "/job-responsibilities", { code: "CC", description: `${m} code` });
    await ok(who, "POST", "/business-relations", { code: "CC", description: `${m} code` });
    await ok(who, "POST", "/industry-groups", { code: "CC", description: `${m} code` });
    await ok(who, "POST", "/mailing-groups", { code: "CC", description: `${m} code` });
    await ok(who, "POST", "/profile-questionnaires", {
      code: "CC",
      description: `${m} questionnaire`,
      questions: [{ description: "Size", answers: [{ description: `${m} answer` }] }],
    });
    await ok(who, "POST", "/segments", {
      no: "SEG",
      description: `${m} segment`,
      interactionTemplateCode: "TPL",
      campaignNo: "CP",
      salespersonCode: "SP",
    });
    await ok(who, "POST", "/segments/SEG/lines", { contactNo: "KT2", note: `${m} note` });
    await ok(who, "POST", "/segments/SEG/interaction-languages", {
      languageCode: "da-DK",
      subject: `${m} subject`,
    });
    await ok(who, "POST", "/segments/SEG/add-contacts", {
      filter: { kind: "field", field: "no", op: "eq", value: "KT1" },
    });
    await ok(who, "POST", "/segments/SEG/save-criteria", {
      code: "SC",
      description: `${m} criteria`,
    });
    await ok(who, "POST", "/segments", {
      no: "SEGL",
      description: `${m} logged`,
      interactionTemplateCode: "TPL",
      campaignNo: "CP",
      salespersonCode: "SP",
    });
    await ok(who, "POST", "/segments/SEGL/lines", { contactNo: "KT2" });
  }
  // What only B has: other codes, a line No. A's SEG lacks, a second logged segment, letters.
  await ok(B, "POST", "/salespeople", { code: "SPB", name: "B-SECRET Seller" });
  await ok(B, "POST", "/job-responsibilities", { code: "CCB", description: "B-SECRET only code" });
  await ok(B, "POST", "/business-relations", { code: "CCB", description: "B-SECRET only code" });
  await ok(B, "POST", "/industry-groups", { code: "CCB", description: "B-SECRET only code" });
  await ok(B, "POST", "/mailing-groups", { code: "CCB", description: "B-SECRET only code" });
  await ok(B, "POST", "/profile-questionnaires", {
    code: "CCB",
    description: "B-SECRET only questionnaire",
    questions: [{ description: "Size", answers: [{ description: "B-SECRET only answer" }] }],
  });
  await ok(B, "POST", "/campaigns", { no: "CPB", description: "B-SECRET only campaign" });
  await ok(B, "POST", "/interaction-templates", { code: "TPLB", description: "B-SECRET only" });
  await upload(B, "/interaction-templates/TPLB/attachments/da-DK", "B-SECRET only letter «Name»");
  await ok(B, "POST", "/contacts", { no: "KB1", type: "company", name: "B-SECRET Only Co" });
  await ok(B, "POST", "/contacts", {
    no: "KB2",
    type: "person",
    name: "B-SECRET Only Person",
    companyNo: "KB1",
    salespersonCode: "SPB",
  });
  await ok(B, "POST", "/segments/SEG/lines", { contactNo: "KB2", note: "B-SECRET only note" });
  await upload(B, "/segments/SEG/lines/30000/attachment", "B-SECRET own letter");
  await upload(B, "/segments/SEG/letter", "B-SECRET segment letter");
  await ok(B, "POST", "/segments", {
    no: "SEGB",
    description: "B-SECRET only segment",
    interactionTemplateCode: "TPLB",
    campaignNo: "CPB",
  });
  await ok(B, "POST", "/segments/SEGB/add-contacts", {
    filter: { kind: "field", field: "no", op: "eq", value: "KB2" },
  });
  await ok(B, "POST", "/segments/SEGB/save-criteria", { code: "SCB", description: "B-SECRET" });
  await upload(B, "/segments/SEGB/letter", "B-SECRET only segment letter");
  await ok(B, "POST", "/segments/SEGB/interaction-languages", {
    languageCode: "da-DK",
    subject: "B-SECRET only subject",
  });
  await ok(B, "POST", "/segments/SEGL/lines", { contactNo: "KB2" });
  for (const [who, m] of [
    [A, "A-OWN"],
    [B, "B-SECRET"],
  ] as const) {
    await ok(who, "POST", "/segments/SEG/merge", {
      jobId: sameJob,
      output: "perContact",
      keep: true,
      template: {
        documentBase64: base64(minimalDocx(`${m} merged «Name»`)),
        fileName: `${m} merged.docx`,
      },
    });
  }
  for (const [who, m] of [
    [A, "A-OWN"],
    [B, "B-SECRET"],
  ] as const) {
    await ok(who, "POST", "/contacts/import", {
      csv: `Name;Type\r\n${m} imported by job;person\r\n`,
      jobId: sameImportJob,
    });
  }
  await ok(B, "POST", "/contacts/import", {
    csv: `Name;Type\r\nB-SECRET only job import;person\r\n`,
    jobId: bOnlyImportJob,
  });
  await ok(B, "POST", "/segments/SEGB/merge", {
    jobId: bOnlyJob,
    output: "perContact",
    keep: true,
    template: { interactionTemplateCode: "TPLB", languageCode: "da-DK" },
  });
  // Apply-template jobs under one id in both tenants (the template SEG has already), one only B has.
  const apply = async (who: { tenant: string }, segmentNo: string, jobId: string) => {
    const segment = await ok(who, "GET", `/segments/${segmentNo}`);
    const template = segment.interactionTemplateCode as string;
    const res = await api.call("POST", `/api/segments/${segmentNo}/apply-template`, {
      ...who,
      body: { interactionTemplateCode: template, updateLines: true, jobId },
      ifMatch: segment.etag,
    });
    if (res.status !== 200) throw new Error(`Apply ${segmentNo}: ${res.status} ${res.text}`);
  };
  await apply(A, "SEG", sameApplyJob);
  await apply(B, "SEG", sameApplyJob);
  await apply(B, "SEGB", bOnlyApplyJob);
  const aLogged = await log(A, "SEGL", "idem-a");
  const bLogged = await log(B, "SEGL", bIdempotencyKey);
  await ok(B, "POST", "/segments", {
    no: "SEGL2",
    description: "B-SECRET second logged",
    interactionTemplateCode: "TPLB",
    campaignNo: "CPB",
    salespersonCode: "SPB",
  });
  await ok(B, "POST", "/segments/SEGL2/lines", { contactNo: "KB1" });
  const bOnlyLogged = await log(B, "SEGL2", "idem-b2");
  const bResendJob = randomUUID();
  await ok(B, "POST", `/logged-segments/${bOnlyLogged}/resend`, { jobId: bResendJob });
  // Send jobs under one id in both tenants, and one only B has (no transport: they wait).
  await ok(A, "POST", `/logged-segments/${aLogged}/send`, { jobId: sameSendJob });
  await ok(B, "POST", `/logged-segments/${bLogged}/send`, {
    jobId: sameSendJob,
    subject: "B-SECRET",
  });
  const bOnlySendJob = randomUUID();
  await ok(B, "POST", `/logged-segments/${bOnlyLogged}/send`, { jobId: bOnlySendJob });
  // Its numbers lie past every number B and the probes of nobody's ids use, so that no B-only
  // id becomes one of A's.
  const tenantA = asTenantId(A.tenant);
  await api.deps.store.numberSeries.reserve(tenantA, series.loggedSegment, 500);
  await api.deps.store.numberSeries.reserve(tenantA, series.interactionLogEntry, 500);
  await ok(A, "POST", "/segments", {
    no: "SEGLR",
    description: "A-OWN resent",
    interactionTemplateCode: "TPL",
    salespersonCode: "SP",
  });
  await ok(A, "POST", "/segments/SEGLR/lines", { contactNo: "KT3" });
  aResendLogged = await log(A, "SEGLR", "idem-a-resend");
  expect([aLogged, bLogged]).toEqual([1, 1]);
  const bEntries = (await ok(B, "GET", `/logged-segments/${bLogged}/entries`)).items as {
    contactNo: string;
    entryNo: number;
  }[];
  const bOnlyEntry = bEntries.find((e) => e.contactNo === "KB2") as {
    contactNo: string;
    entryNo: number;
  };
  const [bOnlyLetterEntry] = (await ok(B, "GET", `/logged-segments/${bOnlyLogged}/entries`))
    .items as { entryNo: number; keptLetter?: string }[];
  expect(bOnlyLetterEntry?.keptLetter).toBe("template");
  const tokenOf = async (who: { tenant: string }, path: string) =>
    (await ok(who, "GET", `${path}${path.includes("?") ? "&" : "?"}top=1`))
      .continuationToken as string;
  const bActions = (await ok(B, "GET", "/segments/SEG/criteria-actions")).items as { no: number }[];
  const aActions = (await ok(A, "GET", "/segments/SEG/criteria-actions")).items as { no: number }[];
  const blobs = api.deps.blobs as NonNullable<ApiHarness["deps"]["blobs"]>;
  const namesOf = async (tenant: string) => {
    const names: string[] = [];
    for await (const blob of blobs.listBlobsFlat({ prefix: `${tenant}/` })) names.push(blob.name);
    return names;
  };
  // A document id in every form a planted one could take: the name, and the name below `..`.
  const crafted = (names: readonly string[]) =>
    names.flatMap((name) => [name, `../${name}`, `../${name.slice(name.indexOf("/") + 1)}`]);
  const bNames = await namesOf("tenant-b");
  own = {
    contact: "KT1",
    person: "KT2",
    segment: "SEG",
    lineNo: 10000,
    logged: aLogged,
    entry: { contactNo: "KT2", entryNo: 1 },
    letterEntryNo: 1,
    campaign: "CP",
    salesperson: "SP",
    contactCode: "CC",
    template: "TPL",
    saved: "SC",
    job: sameJob,
    resendJob: sameJob,
    sendJob: sameSendJob,
    applyJob: sameApplyJob,
    importJob: sameImportJob,
    actionNo: Math.max(...aActions.map((a) => a.no)),
    token: await tokenOf(A, "/contacts"),
    documents: crafted(await namesOf("tenant-a")),
  };
  bOnly = {
    contact: "KB1",
    person: "KB2",
    segment: "SEGB",
    lineNo: 30000,
    logged: bOnlyLogged,
    entry: bOnlyEntry,
    letterEntryNo: bOnlyLetterEntry?.entryNo ?? 0,
    campaign: "CPB",
    salesperson: "SPB",
    contactCode: "CCB",
    template: "TPLB",
    saved: "SCB",
    job: bOnlyJob,
    resendJob: bResendJob,
    sendJob: bOnlySendJob,
    applyJob: bOnlyApplyJob,
    importJob: bOnlyImportJob,
    actionNo: Math.max(...bActions.map((a) => a.no)),
    token: await tokenOf(B, "/contacts"),
    documents: crafted(bNames),
  };
  nowhere = {
    contact: "NX1",
    person: "NX2",
    segment: "NXSEG",
    lineNo: 90000,
    logged: 99,
    entry: { contactNo: "NX2", entryNo: 99 },
    letterEntryNo: 98,
    campaign: "NXCP",
    salesperson: "NXSP",
    contactCode: "NXCC",
    template: "NXTPL",
    saved: "NXSC",
    job: randomUUID(),
    resendJob: randomUUID(),
    sendJob: randomUUID(),
    applyJob: randomUUID(),
    importJob: randomUUID(),
    actionNo: 999,
    // A well-formed token of a list no probe asks for, as B's is for A.
    token: await tokenOf(A, "/contacts?search=KT"),
    documents: crafted(bNames.map((n) => n.replace(/[^/]+$/, `${randomUUID()}.docx`))),
  };
  expect(bOnly.actionNo).toBeGreaterThan(own.actionNo);
};

let before: string[];

beforeAll(async () => {
  api = await startApi({}, undefined, { blobs: true, queue: true });
  await seed();
  before = await stateOf("tenant-b");
});
afterAll(() => api.close());

const names = Object.keys(probes) as EndpointName[];

describe("tenant isolation: tenant A probes tenant B's ids through every endpoint", () => {
  it("has a probe for every endpoint of the contract, each hitting that endpoint", () => {
    expect([...names].sort()).toEqual(Object.keys(contract).sort());
    for (const name of names) {
      const spec = contract[name] as EndpointSpec;
      const route = compileRoute(spec.path);
      for (const req of [...probes[name](bOnly), ...(createsUnderKey[name]?.(bOnly) ?? [])])
        expect({ name, matches: !!route.match(req.path) }).toEqual({ name, matches: true });
    }
  });

  it("fills every id field of every endpoint with one of B's ids", () => {
    const idFields = new Set([
      "no",
      "code",
      "lineNo",
      "entryNo",
      "contactNo",
      "id",
      "companyNo",
      "salespersonCode",
      "campaignNo",
      "interactionTemplateCode",
      "segmentNo",
      "loggedSegmentEntryNo",
      "jobId",
      "actionNo",
      "continuationToken",
    ]);
    const bValues = new Set(
      Object.values(bOnly).flatMap((v) =>
        typeof v === "object" ? Object.values(v).map(String) : [String(v)],
      ),
    );
    const missing: string[] = [];
    for (const name of names) {
      const spec = contract[name] as EndpointSpec;
      const reqs = [...probes[name](bOnly), ...(createsUnderKey[name]?.(bOnly) ?? [])];
      const carried = new Set<string>();
      for (const req of reqs) {
        Object.entries(compileRoute(spec.path).match(req.path) ?? {}).forEach(([k, v]) => {
          if (bValues.has(v)) carried.add(k);
        });
        Object.entries(req.query ?? {}).forEach(
          ([k, v]) => bValues.has(String(v)) && carried.add(k),
        );
        keysWithValues(req.body).forEach(([k, v]) => bValues.has(String(v)) && carried.add(k));
      }
      for (const [where, schema] of [
        ["path", spec.params],
        ["query", spec.query],
        ["body", spec.body],
      ] as const) {
        for (const field of fieldNames(schema))
          if (idFields.has(field) && !carried.has(field)) missing.push(`${name} ${where} ${field}`);
      }
    }
    expect(missing).toEqual([]);
  });

  describe("B's ids that A has no copy of answer as ids that exist nowhere", () => {
    it.each(names.filter((n) => !finishing.includes(n)).concat(finishing))("%s", async (name) => {
      const method = methodOf(name);
      const theirs = probes[name](bOnly);
      const nobodys = probes[name](nowhere);
      expect(theirs).toHaveLength(nobodys.length);
      const pairs: { req: Req; a: CallResult[]; b: CallResult[] }[] = [];
      for (const [i, req] of theirs.entries()) {
        const a = await run(method, req);
        pairs.push({ req, a, b: await run(method, nobodys[i] as Req) });
      }
      expect(pairs.flatMap((p) => troubles(p.req, [...p.a, ...p.b]))).toEqual([]);
      for (const { req, a, b } of pairs) {
        expect({ req: req.path, answers: a.map(fingerprint) }).toEqual({
          req: req.path,
          answers: b.map(fingerprint),
        });
      }
    });
  });

  describe("the numbers and codes both tenants use reach A's own objects only", () => {
    it.each(names.filter((n) => !finishing.includes(n)).concat(finishing))("%s", async (name) => {
      const found: string[] = [];
      for (const req of probes[name](own))
        found.push(...troubles(req, await run(methodOf(name), req)));
      expect(found).toEqual([]);
    });
  });

  describe("A creating its own objects under B's keys sees only its own", () => {
    it.each(Object.keys(createsUnderKey) as EndpointName[])("%s", async (name) => {
      const probe = createsUnderKey[name] as Probe;
      for (const req of probe(bOnly)) {
        const answers = await run(methodOf(name), req);
        expect(troubles(req, answers)).toEqual([]);
        expect((answers[0] as CallResult).status).toBeLessThan(300);
      }
    });
  });

  it("left every item and blob of tenant B as it was", async () => {
    expect(await stateOf("tenant-b")).toEqual(before);
  });
});

/** [key, value] of every member of a JSON value, at any depth. */
const keysWithValues = (value: unknown): [string, unknown][] => {
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => [
    [k, v] as [string, unknown],
    ...keysWithValues(v),
  ]);
};

/** The field names a schema accepts, at any depth of objects, arrays and unions. */
const fieldNames = (schema: z.ZodType | undefined): string[] => {
  if (!schema) return [];
  const names = new Set<string>();
  const walk = (node: unknown) => {
    if (typeof node !== "object" || node === null) return;
    const n = node as Record<string, unknown>;
    if (n["properties"]) {
      for (const [k, v] of Object.entries(n["properties"] as object)) {
        names.add(k);
        walk(v);
      }
    }
    for (const key of ["anyOf", "oneOf", "allOf"])
      if (Array.isArray(n[key])) (n[key] as unknown[]).forEach(walk);
    if (n["items"]) walk(n["items"]);
  };
  walk(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }));
  return [...names];
};
