import { formatAddressLines, type AddressData } from "../../letter/address-lines";
import { formatGreetingLine, greetingFallback } from "../../letter/greeting-line";
import type { AddressBlockExpr, FormatPiece, GreetingLineExpr } from "../fields/address-fields";
import { normalizeFieldName } from "../fields/field-name";
import type { MergeValue } from "../merge-record";
import type { ValueLookup } from "./value-lookup";

/**
 * Where ADDRESSBLOCK and GREETINGLINE find a record's name and address: Mergeline's field names
 * first, then the names Word's Match Fields knows them by, in English and Danish.
 */
const SOURCES = {
  type: ["Contact Type", "Type"],
  name: ["Name", "Navn"],
  salutation: ["Salutation", "Tiltale"],
  firstName: ["First Name", "Fornavn"],
  middleName: ["Middle Name", "Mellemnavn"],
  surname: ["Surname", "Last Name", "Efternavn"],
  companyName: ["Company Name", "Company", "Firmanavn", "Virksomhedsnavn"],
  address: ["Address", "Address 1", "Address Line 1", "Adresse"],
  address2: ["Address 2", "Address Line 2", "Adresse 2"],
  postCode: ["Post Code", "Postal Code", "ZIP Code", "Postnr."],
  city: ["City", "By"],
  county: ["County", "State", "Amt"],
  countryRegionCode: ["Country/Region Code", "Country", "Country or Region", "Land"],
  companyAddress: ["Company Address"],
  companyPostCode: ["Company Post Code"],
  companyCity: ["Company City"],
} as const;

type Source = keyof typeof SOURCES;

const SOURCE_NAMES = Object.keys(SOURCES) as Source[];
const KEYS = new Map<Source, readonly string[]>(
  SOURCE_NAMES.map((source) => [source, SOURCES[source].map(normalizeFieldName)]),
);

/** Every key an address reads, for the size estimate. */
export const ADDRESS_KEYS: readonly string[] = [...KEYS.values()].flat();

const text = (value: MergeValue): string =>
  value === undefined || value === null ? "" : String(value).trim();

const read = (lookup: ValueLookup, source: Source): string => {
  for (const key of KEYS.get(source) ?? []) {
    const value = text(lookup.get(key));
    if (value) return value;
  }
  return "";
};

/**
 * A record's name and address. A company contact is the one whose company name is its own
 * name (the letter's Company Name of a company is the company itself) and that has no person's
 * name; a "Contact Type" value says so outright where the data has one.
 */
type Addressee = { readonly [F in Exclude<keyof AddressData, "kind" | "attention">]-?: string } & {
  readonly kind: "company" | "person";
  readonly salutation: string;
};

const addressee = (lookup: ValueLookup): Addressee => {
  const data = {
    name: read(lookup, "name"),
    salutation: read(lookup, "salutation"),
    firstName: read(lookup, "firstName"),
    middleName: read(lookup, "middleName"),
    surname: read(lookup, "surname"),
    companyName: read(lookup, "companyName"),
    address: read(lookup, "address"),
    address2: read(lookup, "address2"),
    postCode: read(lookup, "postCode"),
    city: read(lookup, "city"),
    county: read(lookup, "county"),
    countryRegionCode: read(lookup, "countryRegionCode"),
  };
  const type = read(lookup, "type").toLowerCase();
  const company =
    type === "company" ||
    (type !== "person" &&
      !data.firstName &&
      !data.surname &&
      data.companyName !== "" &&
      (data.name === "" || data.name === data.companyName));
  // A person without an address of their own is written to at their company's, as the pane's
  // Address Block does (shared/letter/merge-fields.ts).
  const atCompany = !company && !data.address && !data.postCode && !data.city;
  return {
    ...data,
    ...(atCompany && {
      address: read(lookup, "companyAddress"),
      postCode: read(lookup, "companyPostCode"),
      city: read(lookup, "companyCity"),
    }),
    kind: company ? "company" : "person",
    name: data.name || data.companyName,
  };
};

/** A \f template filled in: a group shows only with its token's value, blank lines dropped. */
const fillFormat = (
  format: readonly FormatPiece[],
  valueOf: (token: string) => string | undefined,
): string => {
  let out = "";
  for (const piece of format) {
    if (typeof piece === "string") out += piece;
    else {
      const value = valueOf(piece.token);
      // <<_BEFORE_ Dear >> and <<_AFTER_ ,>>: the space after the placeholder only separates it.
      if (value === undefined) out += piece.before + piece.after.replace(/^ /, "");
      else if (value !== "") out += piece.before + value + piece.after;
    }
  }
  return out
    .split(/\r\n|\r|\n|\v/)
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
};

/** ADDRESSBLOCK for one record: lines joined by \n, which the run writer turns into w:br. */
export const addressBlockText = (
  expr: AddressBlockExpr,
  lookup: ValueLookup,
  recordLanguage: string,
): string => {
  const data = addressee(lookup);
  const language = expr.language ?? recordLanguage;
  const options = {
    language,
    country: expr.country,
    ...(expr.excluded.length > 0 ? { homeCountry: expr.excluded } : {}),
  };
  const lines = formatAddressLines(data, options);
  if (!expr.format || expr.byCountry) return lines.join("\n");
  // Word's \f without \d: the author's own order. The country line is the one the layout chose.
  const country = formatAddressLines({ countryRegionCode: data.countryRegionCode }, options).at(-1);
  const person = data.kind === "person";
  const tokens: Readonly<Record<string, string>> = {
    _FIRST0_: person ? data.firstName || (data.surname ? "" : data.name) : "",
    _MIDDLE0_: person ? data.middleName : "",
    _LAST0_: person ? data.surname : "",
    _NICK0_: person ? data.firstName : "",
    _COMPANY_: data.kind === "company" ? data.name : data.companyName,
    _STREET1_: data.address,
    _STREET2_: data.address2,
    _CITY_: data.city,
    _STATE_: data.county,
    _POSTAL_: data.postCode,
    _COUNTRY_: country && data.countryRegionCode ? country : "",
  };
  return fillFormat(expr.format, (token) => tokens[token] ?? "");
};

const NAME_TOKENS = new Set(["_TITLE0_", "_FIRST0_", "_NICK0_", "_LAST0_"]);

/**
 * GREETINGLINE for one record. Never "Dear ,": without a name (a company, a person without
 * one, or a format naming the last name when there is none) it is \e, else the language's
 * fallback. A format with the courtesy title takes the contact's salutation, a whole greeting
 * ("Dear Mr. Smith"): Mergeline keeps no title apart from it.
 */
export const greetingLineText = (
  expr: GreetingLineExpr,
  lookup: ValueLookup,
  recordLanguage: string,
): string => {
  const data = addressee(lookup);
  const options = { language: expr.language ?? recordLanguage, fallback: expr.fallback };
  if (!expr.format) return formatGreetingLine(data, options);
  const fallback = greetingFallback(options);
  if (data.kind === "company") return fallback;
  const groups = expr.format.filter(
    (p): p is Exclude<FormatPiece, string> => typeof p !== "string",
  );
  const after = groups.find((g) => g.token === "_AFTER_");
  if (groups.some((g) => g.token === "_TITLE0_") && data.salutation)
    return data.salutation + (after ? after.before + after.after.replace(/^ /, "") : "");
  const tokens: Readonly<Record<string, string>> = {
    _TITLE0_: "",
    _FIRST0_: data.firstName,
    _NICK0_: data.firstName,
    _LAST0_: data.surname,
  };
  const named = groups.filter((g) => NAME_TOKENS.has(g.token));
  if (
    named.every((g) => !tokens[g.token]) ||
    named.some((g) => g.token === "_LAST0_" && !data.surname)
  )
    return fallback;
  return fillFormat(expr.format, (token) =>
    token === "_BEFORE_" || token === "_AFTER_" ? undefined : (tokens[token] ?? ""),
  );
};
