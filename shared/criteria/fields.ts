import { CorrespondenceType } from "../model/common";
import { ContactType, CustomFieldKey } from "../model/contact";
import { contactFieldCatalog, type ContactFieldKey } from "../fields/contact-field-catalog";
import type { FieldLabel } from "../fields/field-label";
import { Operator } from "./criteria-tree";

/**
 * The contact fields a criterion may test: the only source of property paths in compiled SQL,
 * and the field list the task pane offers. Their labels are the field catalog's (shared/fields).
 *
 * - code: exact comparison (Business Central codes are upper case); `@` in a filter makes it
 *   case-insensitive.
 * - text: always case-insensitive.
 * - enum: exact comparison with one of `enumValues`.
 * - date: ISO dates or date-times, compared by day.
 * - any: custom fields, whose values may be strings, numbers or booleans; a value only ever
 *   matches a stored value of its own type.
 */
export type FieldType = "code" | "text" | "enum" | "boolean" | "date" | "number" | "any";

export interface FieldDef {
  readonly name: string;
  /** Where the value lives in the stored contact document. */
  readonly path: readonly string[];
  readonly type: FieldType;
  readonly enumValues?: readonly string[];
  readonly label: FieldLabel;
}

export const CUSTOM_FIELD_PREFIX = "custom.";

const def = (
  name: ContactFieldKey,
  type: FieldType,
  extra: { path?: readonly string[]; enumValues?: readonly string[] } = {},
): FieldDef => ({
  name,
  path: extra.path ?? [name],
  type,
  ...(extra.enumValues ? { enumValues: extra.enumValues } : {}),
  label: contactFieldCatalog[name].label,
});

/** The fields in the order the builder offers them; their labels come from the field catalog. */
const catalog: readonly FieldDef[] = [
  def("no", "code"),
  def("name", "text"),
  def("searchName", "text"),
  def("type", "enum", { enumValues: ContactType.options }),
  def("companyNo", "code"),
  def("salespersonCode", "code"),
  def("postCode", "code"),
  def("city", "text"),
  def("countryRegionCode", "code"),
  def("territoryCode", "code"),
  // Language tags are case-sensitive by convention only (da-DK, da-dk): compare them as text.
  def("languageCode", "text"),
  // The stored, lower-cased copy: the address itself keeps the case its owner typed.
  def("email", "text", { path: ["emailKey"] }),
  def("emailDomain", "text"),
  def("correspondenceType", "enum", { enumValues: CorrespondenceType.options }),
  def("excludeFromSegments", "boolean"),
  def("jobTitle", "text"),
  def("firstName", "text"),
  def("surname", "text"),
  def("phone", "text"),
  def("createdAt", "date"),
  def("modifiedAt", "date"),
];

export const contactFields: Readonly<Record<string, FieldDef>> = Object.freeze(
  Object.fromEntries(catalog.map((f) => [f.name, Object.freeze(f)])),
);

export const isCustomFieldKey = (key: string): boolean => CustomFieldKey.safeParse(key).success;

/** The catalog entry, or for `custom.<key>` a definition made on the fly; undefined when unknown. */
export const fieldDef = (name: string): FieldDef | undefined => {
  if (name.startsWith(CUSTOM_FIELD_PREFIX)) {
    const key = name.slice(CUSTOM_FIELD_PREFIX.length);
    if (!isCustomFieldKey(key)) return undefined;
    return {
      name,
      path: ["customFields", key],
      type: "any",
      label: { "en-US": key, "da-DK": key },
    };
  }
  return Object.hasOwn(contactFields, name) ? contactFields[name] : undefined;
};

const ALL: readonly Operator[] = Operator.options;

const operators: Readonly<Record<FieldType, readonly Operator[]>> = {
  code: ALL,
  text: ALL,
  any: ALL,
  enum: ["eq", "ne", "in", "notIn", "empty", "notEmpty"],
  boolean: ["eq", "ne"],
  date: ["eq", "ne", "lt", "le", "gt", "ge", "between", "empty", "notEmpty"],
  number: ["eq", "ne", "in", "notIn", "lt", "le", "gt", "ge", "between", "empty", "notEmpty"],
};

export const operatorsFor = (type: FieldType): readonly Operator[] => operators[type];
