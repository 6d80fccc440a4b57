/**
 * A contact's address label from its letter values, until the address-by-country layout
 * (ADDRESSBLOCK, issue 14: formatAddressLines) takes its place: this file is the one place
 * labels read an address, and it already takes the line's language that layout needs.
 * Business Central's contact labels print the same lines: name, company, address, address 2,
 * post code and city, country.
 */
type Value = string | number | boolean | null | undefined;

const text = (value: Value): string =>
  value === null || value === undefined ? "" : String(value).trim();

const postCodeAndCity = (postCode: string, city: string) =>
  [postCode, city].filter((v) => v !== "").join(" ");

export const labelAddressLines = (
  values: Readonly<Record<string, Value>>,
  _options: { readonly language?: string | undefined } = {},
): string[] => {
  const name = text(values["Name"]);
  const company = text(values["Company Name"]);
  const own = [
    text(values["Address"]),
    text(values["Address 2"]),
    postCodeAndCity(text(values["Post Code"]), text(values["City"])),
  ];
  // A person without an address of their own is reached at the company's, as Business Central
  // copies a company's address to its people.
  const address = own.some((line) => line !== "")
    ? own
    : [
        text(values["Company Address"]),
        postCodeAndCity(text(values["Company Post Code"]), text(values["Company City"])),
      ];
  const lines = [
    name,
    // A company contact's Company Name is its own name: once is enough.
    company === name ? "" : company,
    ...address,
    text(values["Country/Region Code"]),
  ];
  return lines.filter((line) => line !== "");
};
