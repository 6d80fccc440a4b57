import { labelAddressLines } from "@shared/letter/label-address";
import { letterValues } from "@shared/letter/merge-fields";

const today = "2026-12-06";

describe("a contact's address label", () => {
  it("prints a Danish person at a company as the letter's Address Block: company first, no home country", () => {
    const values = letterValues({
      contact: {
        no: "KT1",
        name: "Anne Hansen",
        type: "person",
        firstName: "Anne",
        surname: "Hansen",
        address: "Vestergade 12",
        address2: "2. tv.",
        postCode: "8000",
        city: "Aarhus C",
        countryRegionCode: "DK",
      },
      company: { no: "KT0", name: "Nord A/S", type: "company" },
      today,
      language: "da-DK",
    });
    expect(labelAddressLines(values)).toEqual([
      "Nord A/S",
      "Anne Hansen",
      "Vestergade 12",
      "2. tv.",
      "8000 Aarhus C",
    ]);
  });

  it("lays a US address out by its country and names the country abroad", () => {
    const values = letterValues({
      contact: {
        no: "KT2",
        name: "Ann Lee",
        type: "person",
        address: "1 Main Street",
        postCode: "62701",
        city: "Springfield",
        county: "IL",
        countryRegionCode: "US",
      },
      today,
      language: "da-DK",
    });
    const lines = labelAddressLines(values);
    expect(lines.slice(0, 3)).toEqual(["Ann Lee", "1 Main Street", "Springfield, IL 62701"]);
    expect(lines).toHaveLength(4);
  });

  it("reaches a person without an address of their own at the company's", () => {
    const values = letterValues({
      contact: { no: "KT3", name: "Anna Holm", type: "person", countryRegionCode: "DK" },
      company: {
        no: "KT0",
        name: "Nord A/S",
        type: "company",
        address: "Vestergade 12",
        postCode: "8000",
        city: "Aarhus C",
        countryRegionCode: "DK",
      },
      today,
      language: "da-DK",
    });
    expect(labelAddressLines(values)).toEqual([
      "Nord A/S",
      "Anna Holm",
      "Vestergade 12",
      "8000 Aarhus C",
    ]);
  });

  it("prints nothing for a record without an Address Block", () => {
    expect(labelAddressLines({ Name: "X", "Address Block": null })).toEqual([]);
  });
});
