import { labelAddressLines } from "@shared/letter/label-address";

describe("a contact's address label", () => {
  it("prints a person at a company: name, company, address, post code and city, country", () => {
    expect(
      labelAddressLines({
        Name: "Anne Hansen",
        "Company Name": "Nord A/S",
        Address: "Vestergade 12",
        "Address 2": "2. tv.",
        "Post Code": "8000",
        City: "Aarhus C",
        "Country/Region Code": "DK",
      }),
    ).toEqual(["Anne Hansen", "Nord A/S", "Vestergade 12", "2. tv.", "8000 Aarhus C", "DK"]);
  });

  it("names a company once and leaves out what is empty", () => {
    expect(
      labelAddressLines({
        Name: "Nord A/S",
        "Company Name": "Nord A/S",
        Address: "Vestergade 12",
        "Address 2": null,
        "Post Code": 8000,
        City: "",
      }),
    ).toEqual(["Nord A/S", "Vestergade 12", "8000"]);
  });

  it("reaches a person without an address of their own at the company's", () => {
    expect(
      labelAddressLines({
        Name: "Anna Holm",
        "Company Name": "Nord A/S",
        "Company Address": "Vestergade 12",
        "Company Post Code": "8000",
        "Company City": "Aarhus C",
      }),
    ).toEqual(["Anna Holm", "Nord A/S", "Vestergade 12", "8000 Aarhus C"]);
  });
});
