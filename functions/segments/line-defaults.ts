import type { Contact } from "@shared/model/contact";
import type { InteractionTemplate } from "@shared/model/interaction-template";
import type { SegmentLine } from "@shared/model/segment";
import type { SegmentInteractionLanguageFields } from "@shared/model/segment-interaction-language";
import type { SegmentHeader } from "../store/segment-repository";

/** The segment's subject per language (its interaction languages). */
export type LineLanguages = readonly Pick<
  SegmentInteractionLanguageFields,
  "languageCode" | "subject"
>[];

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
 * A line's language, as Business Central's FindLanguage: the contact's when the segment has an
 * interaction language for it or the segment's template has a letter in it, otherwise the
 * header's default.
 */
export const lineLanguage = (
  header: Pick<SegmentHeader, "languageCode">,
  template: LineTemplate | undefined,
  contact: Pick<Contact, "languageCode">,
  languages: LineLanguages = [],
): string | undefined =>
  contact.languageCode &&
  (template?.attachments.some((a) => a.languageCode === contact.languageCode) ||
    languages.some((l) => l.languageCode === contact.languageCode))
    ? contact.languageCode
    : header.languageCode;

/** A line's subject: its language's subject on the segment, else the header's default. */
export const lineSubject = (
  header: Pick<SegmentHeader, "subject">,
  languages: LineLanguages,
  languageCode: string | undefined,
): string | undefined =>
  languages.find((l) => l.languageCode === languageCode)?.subject || header.subject;

/**
 * What a line inherits, as Business Central fills a segment line: the header's interaction
 * fields, the contact's name and company, and the correspondence type and language rules above.
 */
export const lineDefaults = (
  header: SegmentHeader,
  contact: LineContact,
  template?: LineTemplate,
  languages: LineLanguages = [],
): Defaults => {
  const languageCode = lineLanguage(header, template, contact, languages);
  const optional = {
    description: header.description || undefined,
    subject: lineSubject(header, languages, languageCode),
    correspondenceType: lineCorrespondenceType(header, template, contact),
    salespersonCode: header.salespersonCode ?? contact.salespersonCode,
    languageCode,
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
