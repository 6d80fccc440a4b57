import type { Contact } from "@shared/model/contact";
import type { InteractionTemplate } from "@shared/model/interaction-template";
import type { SegmentLine } from "@shared/model/segment";
import type { SegmentHeader } from "../store/segment-repository";

type Defaults = Omit<
  SegmentLine,
  | "lineNo"
  | "etag"
  | "createdAt"
  | "createdBy"
  | "modifiedAt"
  | "modifiedBy"
  | "attachment"
  | "note"
  | "evaluation"
>;

export type LineContact = Pick<
  Contact,
  | "no"
  | "name"
  | "companyNo"
  | "companyName"
  | "languageCode"
  | "correspondenceType"
  | "salespersonCode"
>;

export type LineTemplate = Pick<
  InteractionTemplate,
  "ignoreContactCorrespondenceType" | "correspondenceType" | "attachments"
>;

/**
 * Business Central's rule for a line's correspondence type: the header's default when the header
 * says to ignore the contact's type and the default is not blank; otherwise the template's
 * default when the template ignores the contact's type or the contact has none; otherwise the
 * contact's own.
 */
export const lineCorrespondenceType = (
  header: Pick<SegmentHeader, "ignoreContactCorrespondenceType" | "correspondenceType">,
  template: LineTemplate | undefined,
  contact: Pick<Contact, "correspondenceType">,
): Contact["correspondenceType"] => {
  if (header.ignoreContactCorrespondenceType && header.correspondenceType)
    return header.correspondenceType;
  if (template?.ignoreContactCorrespondenceType || !contact.correspondenceType) {
    return template?.correspondenceType ?? header.correspondenceType;
  }
  return contact.correspondenceType;
};

/**
 * A line's language: the contact's when the segment's template has a letter (an interaction
 * language) in it, otherwise the header's default.
 */
export const lineLanguage = (
  header: Pick<SegmentHeader, "languageCode">,
  template: LineTemplate | undefined,
  contact: Pick<Contact, "languageCode">,
): string | undefined =>
  contact.languageCode && template?.attachments.some((a) => a.languageCode === contact.languageCode)
    ? contact.languageCode
    : header.languageCode;

/**
 * What a line inherits, as Business Central fills a segment line: the header's interaction
 * fields, the contact's name and company, and the correspondence type and language rules above.
 */
export const lineDefaults = (
  header: SegmentHeader,
  contact: LineContact,
  template?: LineTemplate,
): Defaults => {
  const optional = {
    description: header.description || undefined,
    subject: header.subject,
    correspondenceType: lineCorrespondenceType(header, template, contact),
    salespersonCode: header.salespersonCode ?? contact.salespersonCode,
    languageCode: lineLanguage(header, template, contact),
    contactCompanyNo: contact.companyNo,
    contactCompanyName: contact.companyName,
    interactionTemplateCode: header.interactionTemplateCode,
    informationFlow: header.informationFlow,
    initiatedBy: header.initiatedBy,
    campaignNo: header.campaignNo,
  };
  return {
    segmentNo: header.no,
    contactNo: contact.no,
    contactName: contact.name,
    unitCost: header.unitCost,
    unitDuration: header.unitDuration,
    campaignTarget: header.campaignTarget,
    campaignResponse: header.campaignResponse,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
  };
};

/** The line fields that follow the header (and so take part in propagation). */
export const inheritedLineFields = [
  "description",
  "subject",
  "correspondenceType",
  "salespersonCode",
  "languageCode",
  "interactionTemplateCode",
  "informationFlow",
  "initiatedBy",
  "campaignNo",
  "campaignTarget",
  "campaignResponse",
  "unitCost",
  "unitDuration",
] as const satisfies readonly (keyof Defaults)[];
