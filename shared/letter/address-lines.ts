import { addressFormatOf } from "./address-formats";

/** What an address is made from: a contact's fields, any of them possibly empty. */
export interface AddressData {
  /** A company writes its own name first; a person their name, then their company's. */
  readonly kind?: "company" | "person" | undefined;
  /** The contact's name as stored (a person's full name, a company's name). */
  readonly name?: string | undefined;
  readonly firstName?: string | undefined;
  readonly middleName?: string | undefined;
  readonly surname?: string | undefined;
  /** A person's company. */
  readonly companyName?: string | undefined;
  /** A company's person to attend to the letter ("Att.: Jens Hansen"). */
  readonly attention?: string | undefined;
  readonly address?: string | undefined;
  readonly address2?: string | undefined;
  readonly postCode?: string | undefined;
  readonly city?: string | undefined;
  /** County, state (US), region. */
  readonly county?: string | undefined;
  /** ISO 3166 alpha-2 ("DK"); "UK" is read as GB. */
  readonly countryRegionCode?: string | undefined;
}

export interface AddressOptions {
  /** BCP 47: the language of the country name and of "Att.:". en-US when absent. */
  readonly language?: string | undefined;
  /**
   * The sender's country, as a code ("DK") or a name ("Denmark", "Danmark", as Word's \e
   * gives it): the country line is left out for addresses there. Absent: the region of
   * `language` (da-DK: DK), else none.
   */
  readonly homeCountry?: string | undefined;
  /**
   * Word's \c: "never" (0), "always" (1), "abroad" (2, the default and Business Central's rule:
   * only when it differs from the home country).
   */
  readonly country?: "never" | "always" | "abroad" | undefined;
}

const clean = (value: string | undefined): string => (value ?? "").replace(/\s+/g, " ").trim();

const countryCodeOf = (code: string | undefined): string => {
  const c = clean(code).toUpperCase();
  return c === "UK" ? "GB" : c;
};

const regionOf = (language: string | undefined): string | undefined => {
  const match = /-([A-Z]{2})$/.exec(language ?? "");
  return match?.[1];
};

const displayNames = new Map<string, Intl.DisplayNames | undefined>();

/** The country's name in the language, or the code itself where Intl has none. */
export const countryName = (code: string, language: string | undefined): string => {
  const lang = language || "en-US";
  let names = displayNames.get(lang);
  if (!displayNames.has(lang)) {
    try {
      names = new Intl.DisplayNames([lang, "en-US"], { type: "region", fallback: "none" });
    } catch {
      names = undefined;
    }
    displayNames.set(lang, names);
  }
  try {
    return names?.of(code) ?? code;
  } catch {
    return code;
  }
};

/** A home country given as a code or as a name in English, the language, or the country's own. */
const isHome = (code: string, home: string, language: string | undefined): boolean => {
  const h = clean(home).toLowerCase();
  if (countryCodeOf(home) === code) return true;
  for (const lang of [language, "en-US", `${code.toLowerCase()}-${code}`])
    if (countryName(code, lang).toLowerCase() === h) return true;
  return false;
};

const ATTENTION: Readonly<Record<string, string>> = { da: "Att.:", de: "z. Hd.", en: "Attn:" };

const attentionLine = (person: string, language: string | undefined): string => {
  const prefix = ATTENTION[(language ?? "en").slice(0, 2).toLowerCase()] ?? ATTENTION.en;
  return `${prefix} ${person}`;
};

/** The lines below the street: postcode, city, county in the country's order. */
const cityLines = (data: AddressData, countryCode: string): string[] => {
  const postCode = clean(data.postCode);
  const city = clean(data.city);
  const county = clean(data.county);
  switch (addressFormatOf(countryCode).cityLine) {
    case "cityStatePostCode": {
      const statePostCode = [county, postCode].filter(Boolean).join(" ");
      return [[city, statePostCode].filter(Boolean).join(", ")];
    }
    case "cityThenPostCode":
      return [city, county, postCode];
    case "postCodeCity":
      return [[postCode, city].filter(Boolean).join(" "), county];
  }
};

/** The addressee's name lines: person and company in the country's order. */
const nameLines = (data: AddressData, countryCode: string, language?: string): string[] => {
  const composed = [data.firstName, data.middleName, data.surname].map(clean).filter(Boolean);
  const name = clean(data.name) || composed.join(" ");
  const company = clean(data.companyName);
  if (data.kind === "company" || (!data.kind && !composed.length && !company)) {
    const attention = clean(data.attention);
    return [name || company, attention ? attentionLine(attention, language) : ""];
  }
  if (!company || company === name) return [name];
  return addressFormatOf(countryCode).personOfCompany === "afterCompany"
    ? [company, name]
    : [name, company];
};

/**
 * The address block of a contact, one string per line, empty lines left out: the name lines
 * (company form or person form), the street lines, the city lines in the country's order, and
 * the country's name when it is not the home country. A pure function: the merge engine's
 * ADDRESSBLOCK, the pane's Address Block field and label sheets all lay addresses out here.
 */
export const formatAddressLines = (
  data: AddressData,
  options: AddressOptions = {},
): readonly string[] => {
  const code = countryCodeOf(data.countryRegionCode);
  const home = options.homeCountry ?? regionOf(options.language);
  const rule = options.country ?? "abroad";
  const withCountry =
    code !== "" &&
    (rule === "always" || (rule === "abroad" && !(home && isHome(code, home, options.language))));
  // An address without a country is a domestic one, laid out as the home country writes them.
  const layoutCountry =
    code || countryCodeOf(home && /^[A-Za-z]{2}$/.test(home) ? home : regionOf(options.language));
  return [
    ...nameLines(data, layoutCountry, options.language),
    clean(data.address),
    clean(data.address2),
    ...cityLines(data, layoutCountry),
    withCountry ? countryName(code, options.language) : "",
  ].filter((line) => line !== "");
};
