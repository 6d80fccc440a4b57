import type { Contact } from "@shared/model/contact";
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

/**
 * What a new line inherits, as Business Central fills a segment line: the header's interaction
 * fields, the contact's name and company, and a correspondence type chosen by the header's rule.
 */
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

export const lineDefaults = (header: SegmentHeader, contact: LineContact): Defaults => {
  const correspondenceType =
    header.ignoreContactCorrespondenceType && header.correspondenceType
      ? header.correspondenceType
      : (contact.correspondenceType ?? header.correspondenceType);
  const optional = {
    description: header.description || undefined,
    subject: header.subject,
    correspondenceType,
    salespersonCode: header.salespersonCode ?? contact.salespersonCode,
    languageCode: contact.languageCode ?? header.languageCode,
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
