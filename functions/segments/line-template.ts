import type { InteractionTemplate } from "@shared/model/interaction-template";
import type { SegmentHeader } from "../store/segment-repository";
import {
  lineCorrespondenceType,
  lineDefaults,
  lineSubject,
  type LineContact,
  type LineLanguages,
} from "./line-defaults";

/** The line fields a template sets (Business Central's UpdateSegLines and a line's OnValidate). */
export const templateSetFields = [
  "interactionTemplateCode",
  "unitCost",
  "unitDuration",
  "informationFlow",
  "initiatedBy",
  "campaignNo",
  "campaignTarget",
  "campaignResponse",
  "correspondenceType",
  "languageCode",
] as const;

/** The line fields that choosing a line's template sets: the template's, and its language's subject. */
export const lineTemplateFields = [...templateSetFields, "subject"] as const;
export type LineTemplateField = (typeof lineTemplateFields)[number];

/**
 * What a line gets when its template is chosen, as Business Central's Interaction Template Code
 * OnValidate on a segment line sets it. The header's template (or none) makes the line follow the
 * header again: it takes what the header hands down. Another template gives its own cost,
 * duration, information flow, initiated by and campaign flags; the correspondence type by BC's
 * rule with that template; the contact's language where the template has a letter in it, else
 * the template's default; the header's campaign, else the template's. An undefined value clears
 * the field.
 */
export const templateChoice = (
  header: SegmentHeader,
  contact: LineContact,
  chosen: InteractionTemplate | undefined,
  headerTemplate: InteractionTemplate | undefined,
  languages: LineLanguages,
): Record<LineTemplateField, unknown> => {
  if (!chosen || chosen.code === header.interactionTemplateCode) {
    const inherited = lineDefaults(header, contact, headerTemplate, languages) as Record<
      string,
      unknown
    >;
    return Object.fromEntries(lineTemplateFields.map((f) => [f, inherited[f]])) as Record<
      LineTemplateField,
      unknown
    >;
  }
  const languageCode =
    contact.languageCode && chosen.attachments.some((a) => a.languageCode === contact.languageCode)
      ? contact.languageCode
      : (chosen.languageCode ?? header.languageCode);
  return {
    interactionTemplateCode: chosen.code,
    unitCost: chosen.unitCost,
    unitDuration: chosen.unitDuration,
    informationFlow: chosen.informationFlow,
    initiatedBy: chosen.initiatedBy,
    campaignTarget: chosen.campaignTarget,
    campaignResponse: chosen.campaignResponse,
    correspondenceType: lineCorrespondenceType(header, chosen, contact),
    campaignNo: header.campaignNo ?? chosen.campaignNo,
    languageCode,
    subject: lineSubject(header, languages, languageCode),
  };
};

/** `values` written over `base`: an undefined value removes the field. */
export const withValues = (
  base: Readonly<Record<string, unknown>>,
  values: Readonly<Record<string, unknown>>,
): Record<string, unknown> => {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(values)) {
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the chosen template has no value for it
    if (value === undefined) delete result[key];
    else result[key] = value;
  }
  return result;
};
