import type { ContactFields } from "@shared/model/contact";
import type { CellKind } from "./contact-columns";

export type CellValue = string | boolean | string[];

/** A cell turned into a field value, or why it cannot be one (the row reports it). */
export type Converted<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const ok = <T>(value: T): Converted<T> => ({ ok: true, value });
const fail = (message: string): Converted<never> => ({ ok: false, message });

/** Compared without case, spaces or punctuation: "Hard Copy", "hardcopy", "E-mail", "EMAIL". */
const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

// Danish Excel writes TRUE/FALSE as SAND/FALSK; Business Central exports Ja/Nej or Yes/No.
const yes = new Set(["ja", "yes", "true", "sand", "1", "x", "y", "j"]);
const no = new Set(["nej", "no", "false", "falsk", "0", "n"]);

const types: Readonly<Record<string, ContactFields["type"]>> = {
  company: "company",
  virksomhed: "company",
  firma: "company",
  person: "person",
  kontaktperson: "person",
};

const correspondence: Readonly<Record<string, NonNullable<ContactFields["correspondenceType"]>>> = {
  hardcopy: "hardCopy",
  papirkopi: "hardCopy",
  papir: "hardCopy",
  email: "email",
  epost: "email",
};

/**
 * Business Central's Windows language codes, as its Language table and exports carry them, to
 * the BCP 47 tags Mergeline stores (they also choose date and number formats in the merge).
 */
const businessCentralLanguages: Readonly<Record<string, string>> = {
  DAN: "da-DK",
  ENU: "en-US",
  ENG: "en-GB",
  ENA: "en-AU",
  ENC: "en-CA",
  ENZ: "en-NZ",
  SVE: "sv-SE",
  NOR: "nb-NO",
  NON: "nn-NO",
  FIN: "fi-FI",
  ISL: "is-IS",
  DEU: "de-DE",
  DEA: "de-AT",
  DES: "de-CH",
  NLD: "nl-NL",
  NLB: "nl-BE",
  FRA: "fr-FR",
  FRB: "fr-BE",
  FRC: "fr-CA",
  ESP: "es-ES",
  ITA: "it-IT",
};

export const toBoolean = (cell: string): Converted<boolean> => {
  const v = cell.toLowerCase();
  if (yes.has(v)) return ok(true);
  if (no.has(v)) return ok(false);
  return fail(`"${cell}" is not a yes/no value (Ja/Nej, Yes/No, true/false)`);
};

export const toContactType = (cell: string): Converted<ContactFields["type"]> => {
  const type = types[squash(cell)];
  return type
    ? ok(type)
    : fail(`"${cell}" is not a contact type (Virksomhed/Person, Company/Person)`);
};

export const toCorrespondenceType = (
  cell: string,
): Converted<NonNullable<ContactFields["correspondenceType"]>> => {
  const type = correspondence[squash(cell)];
  return type
    ? ok(type)
    : fail(
        `"${cell}" is not a correspondence type Mergeline sends (Papirkopi/E-mail, Hard Copy/E-Mail)`,
      );
};

/** A BCP 47 tag in any case (da-dk, da_DK) or a Business Central code (DAN); anything else as is. */
export const toLanguageTag = (cell: string): string => {
  const bc = businessCentralLanguages[cell.toUpperCase()];
  if (bc) return bc;
  const tag = /^([A-Za-z]{2,3})[-_]([A-Za-z]{2})$/.exec(cell);
  return tag ? `${(tag[1] as string).toLowerCase()}-${(tag[2] as string).toUpperCase()}` : cell;
};

/** Business Central upper-cases every Code field as it is typed; so does the import. */
export const toCode = (cell: string): string => cell.toUpperCase();

/** "NEWS|EVENTS" or "NEWS, EVENTS": "|" is what the export writes, "," what people type. */
export const toCodeList = (cell: string): string[] =>
  cell
    .split(/[|,]/)
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map(toCode);

/**
 * Custom fields hold strings, numbers or booleans, and CSV has only text: a cell that is exactly
 * how the export writes a number or a boolean becomes one again, so export -> import keeps types.
 * "007" or "1e3" stay text, because writing the number back would not give the same cell.
 */
export const toCustomValue = (cell: string): string | number | boolean => {
  if (cell === "true") return true;
  if (cell === "false") return false;
  if (/^-?(0|[1-9]\d{0,14})(\.\d+)?$/.test(cell) && String(Number(cell)) === cell)
    return Number(cell);
  return cell;
};

export const convertCell = (kind: CellKind, cell: string): Converted<CellValue> => {
  switch (kind) {
    case "text":
      return ok(cell);
    case "code":
      return ok(toCode(cell));
    case "type":
      return toContactType(cell);
    case "boolean":
      return toBoolean(cell);
    case "correspondence":
      return toCorrespondenceType(cell);
    case "language":
      return ok(toLanguageTag(cell));
    case "list":
      return ok(toCodeList(cell));
  }
};
