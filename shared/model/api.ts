import { z } from "zod";
import { Campaign, CampaignCreate, CampaignListQuery, CampaignParams, CampaignPatch } from "./campaign";
import { page } from "./common";
import { Contact, ContactCreate, ContactListQuery, ContactNoParams, ContactPatch } from "./contact";
import { ContactImportRequest, ContactImportResult } from "./contact-import";
import { endpoint } from "./endpoint";
import { Health } from "./health";
import {
  InteractionTemplate,
  InteractionTemplateCreate,
  InteractionTemplateListQuery,
  InteractionTemplateParams,
  InteractionTemplatePatch,
} from "./interaction-template";
import { Salesperson, SalespersonCreate, SalespersonListQuery, SalespersonParams, SalespersonPatch } from "./salesperson";
import {
  Segment,
  SegmentCreate,
  SegmentLine,
  SegmentLineCreate,
  SegmentLineListQuery,
  SegmentLineParams,
  SegmentLinePatch,
  SegmentListQuery,
  SegmentNoParams,
  SegmentPatch,
} from "./segment";

const ContactExportQuery = ContactListQuery.omit({ top: true, continuationToken: true }).extend({
  delimiter: z.enum([",", ";"]).default(";").meta({ description: "; opens as columns in Danish Excel." }),
});

/**
 * Every endpoint of the Mergeline API, once. functions/routes.ts maps each to its handler,
 * addin/api builds the typed client from it, and GET /api/openapi.json describes it.
 */
export const api = {
  getHealth: endpoint({
    method: "GET", path: "/health", tag: "System", summary: "Is the API up, and can it reach its stores?",
    response: Health, status: 200, access: "public",
  }),
  getOpenApi: endpoint({
    method: "GET", path: "/openapi.json", tag: "System", summary: "This API, described as OpenAPI 3.1.",
    response: z.record(z.string(), z.unknown()), status: 200, access: "public",
  }),

  listContacts: endpoint({
    method: "GET", path: "/contacts", tag: "Contacts", summary: "List contacts, filtered, a page at a time.",
    query: ContactListQuery, response: page(Contact), status: 200,
  }),
  createContact: endpoint({
    method: "POST", path: "/contacts", tag: "Contacts", summary: "Create a company or person contact.",
    body: ContactCreate, response: Contact, status: 201,
  }),
  importContacts: endpoint({
    method: "POST", path: "/contacts/import", tag: "Contacts",
    summary: "Import contacts from CSV (JSON {csv, mapping} or a text/csv body); every row is checked and bad rows are reported.",
    body: ContactImportRequest, bodyTypes: ["text/csv"], maxBodyBytes: 16 * 1024 * 1024,
    response: ContactImportResult, status: 200,
  }),
  exportContacts: endpoint({
    method: "GET", path: "/contacts/export", tag: "Contacts", summary: "Export the filtered contacts as CSV (UTF-8 with BOM).",
    query: ContactExportQuery, responseType: "text/csv", status: 200,
  }),
  getContact: endpoint({
    method: "GET", path: "/contacts/{no}", tag: "Contacts", summary: "Read one contact.",
    params: ContactNoParams, response: Contact, status: 200,
  }),
  updateContact: endpoint({
    method: "PATCH", path: "/contacts/{no}", tag: "Contacts", summary: "Change a contact (JSON merge patch; null clears a field).",
    params: ContactNoParams, body: ContactPatch, response: Contact, status: 200, ifMatch: "required",
  }),
  deleteContact: endpoint({
    method: "DELETE", path: "/contacts/{no}", tag: "Contacts", summary: "Delete a contact.",
    params: ContactNoParams, status: 204, ifMatch: "optional",
  }),

  listSegments: endpoint({
    method: "GET", path: "/segments", tag: "Segments", summary: "List segments.",
    query: SegmentListQuery, response: page(Segment), status: 200,
  }),
  createSegment: endpoint({
    method: "POST", path: "/segments", tag: "Segments", summary: "Create a segment header.",
    body: SegmentCreate, response: Segment, status: 201,
  }),
  getSegment: endpoint({
    method: "GET", path: "/segments/{no}", tag: "Segments", summary: "Read a segment header.",
    params: SegmentNoParams, response: Segment, status: 200,
  }),
  updateSegment: endpoint({
    method: "PATCH", path: "/segments/{no}", tag: "Segments", summary: "Change a segment header.",
    params: SegmentNoParams, body: SegmentPatch, response: Segment, status: 200, ifMatch: "required",
  }),
  deleteSegment: endpoint({
    method: "DELETE", path: "/segments/{no}", tag: "Segments", summary: "Delete a segment with its lines.",
    params: SegmentNoParams, status: 204, ifMatch: "optional",
  }),
  listSegmentLines: endpoint({
    method: "GET", path: "/segments/{no}/lines", tag: "Segments", summary: "List a segment's lines in line order.",
    params: SegmentNoParams, query: SegmentLineListQuery, response: page(SegmentLine), status: 200,
  }),
  createSegmentLine: endpoint({
    method: "POST", path: "/segments/{no}/lines", tag: "Segments", summary: "Add a contact to a segment by hand.",
    params: SegmentNoParams, body: SegmentLineCreate, response: SegmentLine, status: 201,
  }),
  getSegmentLine: endpoint({
    method: "GET", path: "/segments/{no}/lines/{lineNo}", tag: "Segments", summary: "Read one segment line.",
    params: SegmentLineParams, response: SegmentLine, status: 200,
  }),
  updateSegmentLine: endpoint({
    method: "PATCH", path: "/segments/{no}/lines/{lineNo}", tag: "Segments",
    summary: "Change a line: description, subject, personal note, evaluation...",
    params: SegmentLineParams, body: SegmentLinePatch, response: SegmentLine, status: 200, ifMatch: "required",
  }),
  deleteSegmentLine: endpoint({
    method: "DELETE", path: "/segments/{no}/lines/{lineNo}", tag: "Segments", summary: "Remove a line.",
    params: SegmentLineParams, status: 204, ifMatch: "optional",
  }),

  listInteractionTemplates: endpoint({
    method: "GET", path: "/interaction-templates", tag: "Interaction templates", summary: "List interaction templates.",
    query: InteractionTemplateListQuery, response: page(InteractionTemplate), status: 200,
  }),
  createInteractionTemplate: endpoint({
    method: "POST", path: "/interaction-templates", tag: "Interaction templates", summary: "Create an interaction template.",
    body: InteractionTemplateCreate, response: InteractionTemplate, status: 201,
  }),
  getInteractionTemplate: endpoint({
    method: "GET", path: "/interaction-templates/{code}", tag: "Interaction templates", summary: "Read an interaction template.",
    params: InteractionTemplateParams, response: InteractionTemplate, status: 200,
  }),
  updateInteractionTemplate: endpoint({
    method: "PATCH", path: "/interaction-templates/{code}", tag: "Interaction templates", summary: "Change an interaction template.",
    params: InteractionTemplateParams, body: InteractionTemplatePatch, response: InteractionTemplate, status: 200, ifMatch: "required",
  }),
  deleteInteractionTemplate: endpoint({
    method: "DELETE", path: "/interaction-templates/{code}", tag: "Interaction templates", summary: "Delete an interaction template.",
    params: InteractionTemplateParams, status: 204, ifMatch: "optional",
  }),

  listCampaigns: endpoint({
    method: "GET", path: "/campaigns", tag: "Campaigns", summary: "List campaigns.",
    query: CampaignListQuery, response: page(Campaign), status: 200,
  }),
  createCampaign: endpoint({
    method: "POST", path: "/campaigns", tag: "Campaigns", summary: "Create a campaign.",
    body: CampaignCreate, response: Campaign, status: 201,
  }),
  getCampaign: endpoint({
    method: "GET", path: "/campaigns/{no}", tag: "Campaigns", summary: "Read a campaign.",
    params: CampaignParams, response: Campaign, status: 200,
  }),
  updateCampaign: endpoint({
    method: "PATCH", path: "/campaigns/{no}", tag: "Campaigns", summary: "Change a campaign.",
    params: CampaignParams, body: CampaignPatch, response: Campaign, status: 200, ifMatch: "required",
  }),
  deleteCampaign: endpoint({
    method: "DELETE", path: "/campaigns/{no}", tag: "Campaigns", summary: "Delete a campaign.",
    params: CampaignParams, status: 204, ifMatch: "optional",
  }),

  listSalespeople: endpoint({
    method: "GET", path: "/salespeople", tag: "Salespeople", summary: "List salespeople.",
    query: SalespersonListQuery, response: page(Salesperson), status: 200,
  }),
  createSalesperson: endpoint({
    method: "POST", path: "/salespeople", tag: "Salespeople", summary: "Create a salesperson.",
    body: SalespersonCreate, response: Salesperson, status: 201,
  }),
  getSalesperson: endpoint({
    method: "GET", path: "/salespeople/{code}", tag: "Salespeople", summary: "Read a salesperson.",
    params: SalespersonParams, response: Salesperson, status: 200,
  }),
  updateSalesperson: endpoint({
    method: "PATCH", path: "/salespeople/{code}", tag: "Salespeople", summary: "Change a salesperson.",
    params: SalespersonParams, body: SalespersonPatch, response: Salesperson, status: 200, ifMatch: "required",
  }),
  deleteSalesperson: endpoint({
    method: "DELETE", path: "/salespeople/{code}", tag: "Salespeople", summary: "Delete a salesperson.",
    params: SalespersonParams, status: 204, ifMatch: "optional",
  }),
} as const;

export type Api = typeof api;
export type EndpointName = keyof Api;
