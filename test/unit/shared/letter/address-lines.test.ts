import { formatAddressLines } from "@shared/letter/address-lines";

const street = { address: "Søndergade 12", address2: "2. tv." };

describe("formatAddressLines: by country", () => {
  it("Denmark: postcode before city, no country at home", () => {
    expect(
      formatAddressLines(
        {
          kind: "person",
          name: "Jens Hansen",
          ...street,
          postCode: "8000",
          city: "Aarhus C",
          countryRegionCode: "DK",
        },
        { language: "da-DK" },
      ),
    ).toEqual(["Jens Hansen", "Søndergade 12", "2. tv.", "8000 Aarhus C"]);
  });

  it("the US: City, ST 12345 with the state from the county", () => {
    expect(
      formatAddressLines(
        {
          kind: "person",
          name: "Ann Lee",
          address: "1 Main Street",
          city: "Springfield",
          county: "IL",
          postCode: "62701",
          countryRegionCode: "US",
        },
        { language: "en-US" },
      ),
    ).toEqual(["Ann Lee", "1 Main Street", "Springfield, IL 62701"]);
  });

  it("the UK: the town, then the postcode on its own line (UK read as GB)", () => {
    expect(
      formatAddressLines(
        {
          kind: "person",
          name: "Tom Hill",
          address: "10 Downing Street",
          city: "London",
          postCode: "SW1A 2AA",
          countryRegionCode: "UK",
        },
        { language: "en-GB" },
      ),
    ).toEqual(["Tom Hill", "10 Downing Street", "London", "SW1A 2AA"]);
  });

  it("Germany from Denmark: postcode before city and the country's name in the letter's language", () => {
    expect(
      formatAddressLines(
        {
          kind: "company",
          name: "Nord GmbH",
          address: "Hauptstraße 5",
          postCode: "20095",
          city: "Hamburg",
          countryRegionCode: "DE",
        },
        { language: "da-DK" },
      ),
    ).toEqual(["Nord GmbH", "Hauptstraße 5", "20095 Hamburg", "Tyskland"]);
  });

  it("another country takes BC's default (postcode and city), the county on its own line", () => {
    expect(
      formatAddressLines(
        {
          name: "Anna Berg",
          kind: "person",
          address: "Storgatan 1",
          postCode: "111 22",
          city: "Stockholm",
          county: "Stockholms län",
          countryRegionCode: "SE",
        },
        { language: "en-US" },
      ),
    ).toEqual(["Anna Berg", "Storgatan 1", "111 22 Stockholm", "Stockholms län", "Sweden"]);
  });

  it("without a country the address is domestic, laid out as the home country writes them", () => {
    expect(
      formatAddressLines(
        { kind: "person", name: "Ann Lee", city: "Springfield", county: "IL", postCode: "62701" },
        { language: "en-US" },
      ),
    ).toEqual(["Ann Lee", "Springfield, IL 62701"]);
  });
});

describe("formatAddressLines: the country line (Word's \\c and \\e)", () => {
  const german = {
    kind: "person" as const,
    name: "Max Muster",
    postCode: "10115",
    city: "Berlin",
    countryRegionCode: "DE",
  };

  it("never, always, or only abroad", () => {
    expect(formatAddressLines(german, { language: "de-DE", country: "always" })).toContain(
      "Deutschland",
    );
    expect(formatAddressLines(german, { language: "de-DE" })).not.toContain("Deutschland");
    expect(formatAddressLines(german, { language: "en-US", country: "never" })).toEqual([
      "Max Muster",
      "10115 Berlin",
    ]);
  });

  it("the home country given by name, in English or the letter's language, or by code", () => {
    for (const home of ["Germany", "Deutschland", "DE", "germany"])
      expect(formatAddressLines(german, { language: "en-US", homeCountry: home })).toEqual([
        "Max Muster",
        "10115 Berlin",
      ]);
    expect(formatAddressLines(german, { language: "en-US", homeCountry: "Denmark" })).toContain(
      "Germany",
    );
  });
});

describe("formatAddressLines: company and person forms", () => {
  const address = {
    address: "Vestergade 1",
    postCode: "8000",
    city: "Aarhus C",
    countryRegionCode: "DK",
  };

  it("a company: its name, then the person to attend to it", () => {
    expect(
      formatAddressLines(
        { kind: "company", name: "Nord A/S", attention: "Jens Hansen", ...address },
        { language: "da-DK" },
      ),
    ).toEqual(["Nord A/S", "Att.: Jens Hansen", "Vestergade 1", "8000 Aarhus C"]);
  });

  it("a person of a company in Denmark: the company, then the person (BC's After Company Name)", () => {
    expect(
      formatAddressLines(
        { kind: "person", name: "Jens Hansen", companyName: "Nord A/S", ...address },
        { language: "da-DK" },
      ),
    ).toEqual(["Nord A/S", "Jens Hansen", "Vestergade 1", "8000 Aarhus C"]);
  });

  it("a person of a company in the US: the person, then the company (Word's order)", () => {
    expect(
      formatAddressLines(
        {
          kind: "person",
          firstName: "Ann",
          surname: "Lee",
          companyName: "Acme Inc.",
          city: "Boston",
          county: "MA",
          postCode: "02108",
          countryRegionCode: "US",
        },
        { language: "en-US" },
      ),
    ).toEqual(["Ann Lee", "Acme Inc.", "Boston, MA 02108"]);
  });

  it("a company contact shows its name once, though its company name is its own", () => {
    expect(
      formatAddressLines(
        { kind: "company", name: "Nord A/S", companyName: "Nord A/S", ...address },
        { language: "da-DK" },
      ),
    ).toEqual(["Nord A/S", "Vestergade 1", "8000 Aarhus C"]);
  });

  it("empty and blank fields leave no empty lines", () => {
    expect(
      formatAddressLines(
        { kind: "person", name: "  Jens   Hansen ", address: " ", postCode: "", city: "Aarhus" },
        { language: "da-DK" },
      ),
    ).toEqual(["Jens Hansen", "Aarhus"]);
  });
});
