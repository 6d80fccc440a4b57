/**
 * How a country writes the lines under the street: Business Central's Country/Region "Address
 * Format" (Post Code+City, City+Post Code, City+County+Post Code...) and "Contact Address Format"
 * (where a company's person goes), keyed by ISO 3166 code.
 */
export interface CountryAddressFormat {
  /**
   * postCodeCity: "8000 Aarhus C" (BC's default, most of Europe);
   * cityStatePostCode: "Springfield, IL 62701" (the county field holds the state);
   * cityThenPostCode: the town, the county, then the postcode each on its own line (Royal Mail).
   */
  readonly cityLine: "postCodeCity" | "cityStatePostCode" | "cityThenPostCode";
  /**
   * Where a person of a company stands: before the company (Word's address block, US and UK
   * practice) or after it (BC's "After Company Name"; DIN 5008 and Danish practice).
   */
  readonly personOfCompany: "beforeCompany" | "afterCompany";
}

const postCodeCity: CountryAddressFormat = {
  cityLine: "postCodeCity",
  personOfCompany: "afterCompany",
};

const formats: Readonly<Record<string, CountryAddressFormat>> = {
  US: { cityLine: "cityStatePostCode", personOfCompany: "beforeCompany" },
  GB: { cityLine: "cityThenPostCode", personOfCompany: "beforeCompany" },
  IE: { cityLine: "cityThenPostCode", personOfCompany: "beforeCompany" },
  DK: postCodeCity,
  DE: postCodeCity,
};

/** Countries not listed take BC's default: postcode and city on one line. */
export const addressFormatOf = (countryCode: string | undefined): CountryAddressFormat =>
  (countryCode && formats[countryCode.toUpperCase()]) || postCodeCity;
