import type { Segment, SegmentPatch } from "@shared/model/segment";
import { formatLocaleDate, parseLocaleDate, type DateEntry } from "../../ui/locale-date";
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

/**
 * The header as the form shows it; numbers and the date written as `locale` writes them
 * ("12,5" and "07.12.2026" in Danish).
 */
export const toForm = (segment: Segment, locale: string): HeaderForm => ({
  description: segment.description,
  date: formatLocaleDate(locale, segment.date),
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
 * The date box's text when the user changed it and it is no date in `locale` ("12/07/2026" on
 * a Danish pane, which could be either day; "31.02.2026"), with how it was read; else undefined.
 * An emptied date is no date either: a segment always has one.
 */
export const unreadableDate = (
  base: HeaderForm,
  form: HeaderForm,
  locale: string,
  today: string,
): DateEntry | undefined => {
  if (form.date === base.date) return undefined;
  const entry = parseLocaleDate(locale, form.date, today);
  return entry.kind === "date" ? undefined : entry.kind === "empty" ? { kind: "malformed" } : entry;
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

/** The date box's text as the API takes it, yyyy-mm-dd; anything else as typed, to be refused. */
const dateOf = (locale: string, text: string, today: string): string => {
  const entry = parseLocaleDate(locale, text, today);
  return entry.kind === "date" ? entry.iso : text;
};

/**
 * The JSON merge patch from what the form started from to what it holds: only changed fields,
 * an emptied optional field as null (cleared). Choosing a template is not here: it goes through
 * apply-template, which asks whether the lines change too.
 */
export const toPatch = (
  base: HeaderForm,
  form: HeaderForm,
  locale: string,
  today: string,
): SegmentPatch => {
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
    else if (field === "date") patch[field] = dateOf(locale, value, today);
    else patch[field] = value.trim() === "" ? null : value.trim();
  }
  // Numbers and dates that are none go to the API as typed, to be refused with the field named.
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
