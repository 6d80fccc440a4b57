import {
  columnFields,
  contactColumns,
  fieldForHeader,
  normalizeHeader,
} from "../../../../../functions/contacts/import/contact-columns";

describe("contact columns", () => {
  it("finds every field by its name, caption and aliases, so no alias shadows another", () => {
    for (const field of columnFields) {
      const { caption, aliases } = contactColumns[field];
      for (const header of [field, caption, ...aliases])
        expect([header, fieldForHeader(header)]).toEqual([header, field]);
    }
  });

  it("compares headers without case, spaces or punctuation, keeping æøå", () => {
    expect(normalizeHeader(" Land/Område ")).toBe("landområde");
    expect(fieldForHeader("E-MAIL")).toBe("email");
    expect(fieldForHeader("post code")).toBe("postCode");
    expect(fieldForHeader("COUNTRY/REGION CODE")).toBe("countryRegionCode");
    expect(fieldForHeader("Unknown column")).toBeUndefined();
  });

  it.each([
    ["Nr.", "no"],
    ["Navn", "name"],
    ["Type", "type"],
    ["Firmanr.", "companyNo"],
    ["Adresse", "address"],
    ["Adresse 2", "address2"],
    ["Postnr.", "postCode"],
    ["By", "city"],
    ["Land/område", "countryRegionCode"],
    ["Lande-/områdekode", "countryRegionCode"],
    ["Telefon", "phone"],
    ["Mobiltelefon", "mobile"],
    ["E-mail", "email"],
    ["Sælgerkode", "salespersonCode"],
    ["Distriktskode", "territoryCode"],
    ["Sprogkode", "languageCode"],
    ["Korrespondancetype", "correspondenceType"],
    ["Udelad fra målgrupper", "excludeFromSegments"],
    ["Undtag fra målgrupper", "excludeFromSegments"],
    ["Stilling", "jobTitle"],
    ["Fornavn", "firstName"],
    ["Efternavn", "surname"],
    ["No.", "no"],
    ["Name", "name"],
    ["E-Mail", "email"],
    ["Post Code", "postCode"],
    ["Country/Region Code", "countryRegionCode"],
    ["Salesperson Code", "salespersonCode"],
    ["Company No.", "companyNo"],
    ["Exclude from Segments", "excludeFromSegments"],
  ])("maps the header %j to %s", (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });
});
