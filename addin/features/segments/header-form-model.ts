import type { Segment, SegmentPatch } from "@shared/model/segment";
import { formatLocaleNumber, parseLocaleNumber, type NumberEntry } from "../../ui/locale-number";

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

export const numberFields = ["unitCost", "unitDuration"] as const;
export type NumberField = (typeof numberFields)[number];

/** The header as the form shows it; numbers written as `locale` writes them ("12,5" in Danish). */
export const toForm = (segment: Segment, locale: string): HeaderForm => ({
  description: segment.description,
  date: segment.date,
  salespersonCode: segment.salespersonCode ?? "",
  campaignNo: segment.campaignNo ?? "",
  interactionTemplateCode: segment.interactionTemplateCode ?? "",
  subject: segment.subject ?? "",
  languageCode: segment.languageCode ?? "",
  correspondenceType: segment.correspondenceType ?? "",
  unitCost: formatLocaleNumber(locale, segment.unitCost),
  unitDuration: formatLocaleNumber(locale, segment.unitDuration),
  dynamic: segment.dynamic,
});

/**
 * The number boxes the user changed whose text is no number in `locale` ("12.5" on a Danish
 * pane), each with how it was read: the form says why beside the box and sends nothing.
 */
export const unreadableNumbers = (
  base: HeaderForm,
  form: HeaderForm,
  locale: string,
): Partial<Record<NumberField, NumberEntry>> => {
  const found: Partial<Record<NumberField, NumberEntry>> = {};
  for (const field of numberFields) {
    if (form[field] === base[field]) continue;
    const entry = parseLocaleNumber(locale, form[field]);
    if (entry.kind === "ambiguous" || entry.kind === "malformed") found[field] = entry;
  }
  return found;
};

/**
 * A number box's text as the API takes it: the plain number; an emptied box is 0, as an
 * emptied decimal field is in Business Central. Text that is no number goes as typed, for the
 * API to refuse with the field named (the form stops it before: unreadableNumbers).
 */
const numberOf = (locale: string, text: string): number | string => {
  const entry = parseLocaleNumber(locale, text);
  return entry.kind === "number" ? entry.value : entry.kind === "empty" ? 0 : text;
};

/**
 * The JSON merge patch from what the form started from to what it holds: only changed fields,
 * an emptied optional field as null (cleared). Choosing a template is not here: it goes through
 * apply-template, which asks whether the lines change too.
 */
export const toPatch = (base: HeaderForm, form: HeaderForm, locale: string): SegmentPatch => {
  const patch: Record<string, unknown> = {};
  for (const field of headerFields) {
    const value = form[field];
    if (value === base[field]) continue;
    // Choosing a template goes through apply-template; only clearing it is a plain patch.
    if (field === "interactionTemplateCode" && value !== "") continue;
    if (typeof value === "boolean") patch[field] = value;
    else if (field === "unitCost" || field === "unitDuration")
      patch[field] = numberOf(locale, value);
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
