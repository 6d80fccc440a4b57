import { letterValues } from "@shared/letter/merge-fields";

/** The pane's Address Block and Greeting Line fields: one value each per letter. */

const nord = {
  no: "KT100",
  name: "Nord A/S",
  type: "company" as const,
  address: "Vestergade 1",
  postCode: "8000",
  city: "Aarhus C",
  countryRegionCode: "DK",
};

describe("Address Block and Greeting Line values", () => {
  it("a company contact: its name once, and the fallback greeting, never 'Kære ,'", () => {
    const values = letterValues({
      contact: nord,
      today: "2026-03-01",
      language: "da-DK",
      homeCountry: "DK",
    });
    expect(values["Address Block"]).toBe("Nord A/S\nVestergade 1\n8000 Aarhus C");
    expect(values["Greeting Line"]).toBe("Kære kunde,");
    expect(values["Company Name"]).toBe("Nord A/S");
  });

  it("a person of a company without an address of their own is written to at the company's", () => {
    const values = letterValues({
      contact: {
        no: "KT101",
        name: "Jens Hansen",
        type: "person",
        firstName: "Jens",
        surname: "Hansen",
        companyNo: "KT100",
      },
      company: nord,
      today: "2026-03-01",
      language: "da-DK",
      homeCountry: "DK",
    });
    expect(values["Address Block"]).toBe("Nord A/S\nJens Hansen\nVestergade 1\n8000 Aarhus C");
    expect(values["Greeting Line"]).toBe("Kære Jens,");
  });

  it("a person abroad in English: their salutation, and the country named", () => {
    const values = letterValues({
      contact: {
        no: "KT102",
        name: "Ann Lee",
        type: "person",
        firstName: "Ann",
        surname: "Lee",
        salutation: "Dear Ms. Lee",
        address: "1 Main Street",
        city: "Springfield",
        county: "IL",
        postCode: "62701",
        countryRegionCode: "US",
      },
      today: "2026-03-01",
      language: "en-US",
      homeCountry: "DK",
    });
    expect(values["Address Block"]).toBe(
      "Ann Lee\n1 Main Street\nSpringfield, IL 62701\nUnited States",
    );
    expect(values["Greeting Line"]).toBe("Dear Ms. Lee,");
  });

  it("a person without any name in English: Dear Sir or Madam,", () => {
    const values = letterValues({
      contact: { no: "KT103", name: " ", type: "person" },
      today: "2026-03-01",
      language: "en-GB",
    });
    expect(values["Greeting Line"]).toBe("Dear Sir or Madam,");
  });
});
