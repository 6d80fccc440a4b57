import type { Segment, SegmentPatch } from "@shared/model/segment";

/** The header fields the pane edits, as the form holds them: text boxes hold strings. */
export interface HeaderForm {
  description: string;
  date: string;
  salespersonCode: string;
  campaignNo: string;
  interactionTemplateCode: string;
  subject: string;
  languageCode: string;
  correspondenceType: string;
  unitCost: string;
  unitDuration: string;
  dynamic: boolean;
}
export type HeaderField = keyof HeaderForm;

export const headerFields: readonly HeaderField[] = [
  "description",
  "date",
  "salespersonCode",
  "campaignNo",
  "interactionTemplateCode",
  "subject",
  "languageCode",
  "correspondenceType",
  "unitCost",
  "unitDuration",
  "dynamic",
];

export const toForm = (segment: Segment): HeaderForm => ({
  description: segment.description,
  date: segment.date,
  salespersonCode: segment.salespersonCode ?? "",
  campaignNo: segment.campaignNo ?? "",
  interactionTemplateCode: segment.interactionTemplateCode ?? "",
  subject: segment.subject ?? "",
  languageCode: segment.languageCode ?? "",
  correspondenceType: segment.correspondenceType ?? "",
  unitCost: String(segment.unitCost),
  unitDuration: String(segment.unitDuration),
  dynamic: segment.dynamic,
});

/** A number box left as typed when it is not a number: the API names it, next to the box. */
const numberOr = (text: string): number | string => {
  const normalized = text.trim().replace(",", ".");
  const value = Number(normalized);
  return normalized !== "" && Number.isFinite(value) ? value : text;
};

/**
 * The JSON merge patch from what the form started from to what it holds: only changed fields,
 * an emptied optional field as null (cleared). Choosing a template is not here: it goes through
 * apply-template, which asks whether the lines change too.
 */
export const toPatch = (base: HeaderForm, form: HeaderForm): SegmentPatch => {
  const patch: Record<string, unknown> = {};
  for (const field of headerFields) {
    const value = form[field];
    if (value === base[field]) continue;
    // Choosing a template goes through apply-template; only clearing it is a plain patch.
    if (field === "interactionTemplateCode" && value !== "") continue;
    if (typeof value === "boolean") patch[field] = value;
    else if (field === "unitCost" || field === "unitDuration") patch[field] = numberOr(value);
    else if (field === "description") patch[field] = value;
    else patch[field] = value.trim() === "" ? null : value.trim();
  }
  // Numbers that are not numbers go to the API as typed, to be refused with the field named.
  return patch as SegmentPatch;
};

export const dirtyFields = (base: HeaderForm, form: HeaderForm): HeaderField[] =>
  headerFields.filter((field) => form[field] !== base[field]);

/**
 * The form after the server's header changed under it (a reload after 412, a template applied):
 * fields the user did not touch take the server's value, touched ones keep the user's; `changed`
 * names every field the server changed, for the form to highlight.
 */
export const mergeServerChange = (
  base: HeaderForm,
  form: HeaderForm,
  server: HeaderForm,
): { form: HeaderForm; changed: HeaderField[] } => {
  const next = { ...form } as Record<HeaderField, string | boolean>;
  const changed: HeaderField[] = [];
  for (const field of headerFields) {
    if (server[field] !== base[field]) changed.push(field);
    if (form[field] === base[field]) next[field] = server[field];
  }
  return { form: next as unknown as HeaderForm, changed };
};
