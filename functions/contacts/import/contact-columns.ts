import { contactFieldCatalog, type StoredContactField } from "@shared/fields/contact-field-catalog";
import { letterFieldCatalog } from "@shared/fields/letter-field-catalog";

/** The contact fields a CSV column can carry: every field that has a name of its own. */
export type ColumnField = StoredContactField;

/** How a cell's text becomes a field value. */
export type CellKind =
  "text" | "code" | "type" | "boolean" | "correspondence" | "language" | "list";

export interface ContactColumn {
  readonly kind: CellKind;
  /** Business Central's English caption: the export writes it, the import recognises it. */
  readonly caption: string;
  /** Other headers the import recognises: the Danish label, the field's names in letters, others seen in the wild. */
  readonly aliases: readonly string[];
}

/**
 * Every importable field once, in export column order. Typed as a full Record so that a field
 * added to ContactFields does not compile until import and export know about it.
 */
const cellKinds: Readonly<Record<ColumnField, CellKind>> = {
  no: "code",
  type: "type",
  name: "text",
  searchName: "text",
  companyNo: "code",
  firstName: "text",
  middleName: "text",
  surname: "text",
  jobTitle: "text",
  salutation: "text",
  email: "text",
  phone: "text",
  mobile: "text",
  address: "text",
  address2: "text",
  postCode: "text",
  city: "text",
  county: "text",
  countryRegionCode: "code",
  salespersonCode: "code",
  territoryCode: "code",
  languageCode: "language",
  correspondenceType: "correspondence",
  emailOptOut: "boolean",
  excludeFromSegments: "boolean",
  mailingGroups: "list",
  industryGroups: "list",
  businessRelations: "list",
  jobResponsibilities: "list",
};

export const columnFields = Object.keys(cellKinds) as ColumnField[];

export const isColumnField = (name: string): name is ColumnField => Object.hasOwn(cellKinds, name);

export const customPrefix = "custom.";

/**
 * Headers compare without case, spaces or punctuation, so "E-Mail", "e-mail" and "EMAIL" are the
 * same column, and so are "Post Code" and postCode. Letters stay Unicode-aware for æ, ø and å.
 */
export const normalizeHeader = (header: string): string =>
  header
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");

/** Every name the catalog gives a field, each once: a CSV may head its column with any of them. */
const columnOf = (field: ColumnField): ContactColumn => {
  const { label, aliases = [] } = contactFieldCatalog[field];
  const inLetters = letterFieldCatalog.filter((f) => f.contactField === field);
  const names = [
    label["da-DK"],
    ...inLetters.flatMap((f) => [f.label["en-US"], f.label["da-DK"]]),
    ...aliases,
  ];
  const seen = new Set([normalizeHeader(field), normalizeHeader(label["en-US"])]);
  const others = names.filter((name) => {
    const key = normalizeHeader(name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { kind: cellKinds[field], caption: label["en-US"], aliases: others };
};

export const contactColumns: Readonly<Record<ColumnField, ContactColumn>> = Object.fromEntries(
  columnFields.map((field) => [field, columnOf(field)]),
) as Record<ColumnField, ContactColumn>;

const buildAliasIndex = (): ReadonlyMap<string, ColumnField> => {
  const index = new Map<string, ColumnField>();
  for (const field of columnFields) {
    const column = contactColumns[field];
    for (const name of [field, column.caption, ...column.aliases])
      index.set(normalizeHeader(name), field);
  }
  return index;
};

const aliasIndex = buildAliasIndex();

/** The field a header names by itself, if any. */
export const fieldForHeader = (header: string): ColumnField | undefined =>
  aliasIndex.get(normalizeHeader(header));
