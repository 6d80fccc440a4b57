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
  /**
   * ISO 3166 alpha-2 ("DK"; "UK" is read as GB), or a country's name as a data source has it
   * ("Germany"), which is shown as it is and laid out as BC's default.
   */
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
  readonly homeCountry?: string | readonly string[] | undefined;
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
// Intl.DisplayNames.of costs microseconds; a merge asks for the same few countries per letter.
const names = new Map<string, string>();

const displayNamesOf = (lang: string): Intl.DisplayNames | undefined => {
  if (!displayNames.has(lang)) {
    try {
      displayNames.set(
        lang,
        new Intl.DisplayNames([lang, "en-US"], { type: "region", fallback: "none" }),
      );
    } catch {
      displayNames.set(lang, undefined);
    }
  }
  return displayNames.get(lang);
};

/** The country's name in the language, or the code itself where Intl has none. */
export const countryName = (code: string, language: string | undefined): string => {
  const lang = language || "en-US";
  const key = `${lang}|${code}`;
  let name = names.get(key);
  if (name === undefined) {
    try {
      name = displayNamesOf(lang)?.of(code) ?? code;
    } catch {
      name = code;
    }
    // Languages and countries are few; the bound only guards against misuse.
    if (names.size > 10_000) names.clear();
    names.set(key, name);
  }
  return name;
};

const isCode = (value: string): boolean => /^[A-Za-z]{2}$/.test(value);

/** The names a country goes by: in English, in the language, and in its own. */
const namesOf = (code: string, language: string | undefined): string[] =>
  [language, "en-US", `${code.toLowerCase()}-${code}`].map((lang) =>
    countryName(code, lang).toLowerCase(),
  );

/**
 * Whether an address's country (a code, or a name when `code` is empty) is a home country,
 * each given as a code or as a name in English, the language, or the country's own.
 */
const isHome = (
  code: string,
  name: string,
  homes: readonly string[],
  language: string | undefined,
): boolean =>
  homes.some((home) => {
    const h = clean(home).toLowerCase();
    if (code) return countryCodeOf(home) === code || namesOf(code, language).includes(h);
    return (
      h === name.toLowerCase() ||
      (isCode(h) && namesOf(countryCodeOf(h), language).includes(name.toLowerCase()))
    );
  });

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
  const given = clean(data.countryRegionCode);
  const code = isCode(given) ? countryCodeOf(given) : "";
  const name = code ? "" : given;
  const homes =
    typeof options.homeCountry === "string"
      ? [options.homeCountry]
      : (options.homeCountry ?? [regionOf(options.language) ?? ""]).filter(Boolean);
  const rule = options.country ?? "abroad";
  const withCountry =
    given !== "" &&
    (rule === "always" || (rule === "abroad" && !isHome(code, name, homes, options.language)));
  // An address without a country is a domestic one, laid out as the home country writes them.
  const homeCode = homes.find(isCode) ?? regionOf(options.language);
  const layoutCountry = code || (name ? "" : countryCodeOf(homeCode));
  return [
    ...nameLines(data, layoutCountry, options.language),
    clean(data.address),
    clean(data.address2),
    ...cityLines(data, layoutCountry),
    withCountry ? (code ? countryName(code, options.language) : name) : "",
  ].filter((line) => line !== "");
};
