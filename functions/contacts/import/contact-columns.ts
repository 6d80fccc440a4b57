import type { ContactFields } from "@shared/model/contact";

/**
 * The contact fields a CSV column can carry. Profile answers are questionnaire data with their
 * own structure, and custom fields go through `custom.<key>` columns, so neither is a column here.
 */
export type ColumnField = Exclude<keyof ContactFields, "profileAnswers" | "customFields">;

/** How a cell's text becomes a field value. */
export type CellKind =
  "text" | "code" | "type" | "boolean" | "correspondence" | "language" | "list";

export interface ContactColumn {
  readonly kind: CellKind;
  /** Business Central's English caption: the export writes it, the import recognises it. */
  readonly caption: string;
  /** Other headers seen in the wild, Danish Business Central captions first. */
  readonly aliases: readonly string[];
}

/**
 * Every importable field once, in export column order. Typed as a full Record so that a field
 * added to ContactFields does not compile until import and export know about it.
 */
export const contactColumns: Readonly<Record<ColumnField, ContactColumn>> = {
  no: { kind: "code", caption: "No.", aliases: ["Nr.", "Nummer", "Kontaktnr.", "Contact No."] },
  type: { kind: "type", caption: "Type", aliases: [] },
  name: { kind: "text", caption: "Name", aliases: ["Navn"] },
  searchName: { kind: "text", caption: "Search Name", aliases: ["Søgenavn"] },
  companyNo: { kind: "code", caption: "Company No.", aliases: ["Firmanr.", "Virksomhedsnr."] },
  firstName: { kind: "text", caption: "First Name", aliases: ["Fornavn"] },
  middleName: { kind: "text", caption: "Middle Name", aliases: ["Mellemnavn"] },
  surname: { kind: "text", caption: "Surname", aliases: ["Efternavn", "Last Name"] },
  jobTitle: { kind: "text", caption: "Job Title", aliases: ["Stilling"] },
  salutation: { kind: "text", caption: "Salutation", aliases: ["Tiltale"] },
  email: { kind: "text", caption: "E-Mail", aliases: ["E-mail-adresse", "Email Address"] },
  phone: { kind: "text", caption: "Phone No.", aliases: ["Phone", "Telefon", "Telefonnr."] },
  mobile: {
    kind: "text",
    caption: "Mobile Phone No.",
    aliases: ["Mobile", "Mobiltelefon", "Mobiltelefonnr.", "Mobilnr."],
  },
  address: { kind: "text", caption: "Address", aliases: ["Adresse"] },
  address2: { kind: "text", caption: "Address 2", aliases: ["Adresse 2"] },
  postCode: { kind: "text", caption: "Post Code", aliases: ["Postnr.", "Postnummer", "ZIP Code"] },
  city: { kind: "text", caption: "City", aliases: ["By"] },
  county: { kind: "text", caption: "County", aliases: ["Amt"] },
  countryRegionCode: {
    kind: "code",
    caption: "Country/Region Code",
    aliases: ["Country", "Land", "Land/område", "Lande-/områdekode", "Land-/områdekode"],
  },
  salespersonCode: { kind: "code", caption: "Salesperson Code", aliases: ["Sælgerkode"] },
  territoryCode: { kind: "code", caption: "Territory Code", aliases: ["Distriktskode"] },
  languageCode: {
    kind: "language",
    caption: "Language Code",
    aliases: ["Language", "Sprogkode", "Sprog"],
  },
  correspondenceType: {
    kind: "correspondence",
    caption: "Correspondence Type",
    aliases: ["Korrespondancetype"],
  },
  excludeFromSegments: {
    kind: "boolean",
    caption: "Exclude from Segments",
    aliases: ["Udelad fra målgrupper", "Undtag fra målgrupper"],
  },
  mailingGroups: { kind: "list", caption: "Mailing Groups", aliases: ["Mailinggrupper"] },
  industryGroups: {
    kind: "list",
    caption: "Industry Groups",
    aliases: ["Brancher", "Branchegrupper"],
  },
  businessRelations: {
    kind: "list",
    caption: "Business Relations",
    aliases: ["Forretningsrelationer"],
  },
  jobResponsibilities: {
    kind: "list",
    caption: "Job Responsibilities",
    aliases: ["Ansvarsområder"],
  },
};

export const columnFields = Object.keys(contactColumns) as ColumnField[];

export const isColumnField = (name: string): name is ColumnField =>
  Object.hasOwn(contactColumns, name);

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
