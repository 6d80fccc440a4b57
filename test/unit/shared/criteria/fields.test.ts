import { contactFields, fieldDef, operatorsFor } from "@shared/criteria/fields";

describe("the field catalog", () => {
  it("labels every field in Danish as the pane shows them", () => {
    const danish = Object.fromEntries(
      Object.values(contactFields).map((f) => [f.name, f.label["da-DK"]]),
    );
    expect(danish).toEqual({
      no: "Nr.",
      name: "Navn",
      searchName: "Søgenavn",
      type: "Type",
      companyNo: "Virksomhedsnr.",
      salespersonCode: "Sælgerkode",
      postCode: "Postnr.",
      city: "By",
      countryRegionCode: "Lande-/områdekode",
      territoryCode: "Distriktskode",
      languageCode: "Sprogkode",
      email: "E-mail",
      emailDomain: "E-maildomæne",
      correspondenceType: "Korrespondancetype",
      excludeFromSegments: "Udelad fra målgrupper",
      jobTitle: "Stilling",
      firstName: "Fornavn",
      surname: "Efternavn",
      phone: "Telefon",
      createdAt: "Oprettet",
      modifiedAt: "Ændret",
    });
  });

  it("types the fields and knows where they are stored", () => {
    expect(fieldDef("email")).toMatchObject({ type: "text", path: ["emailKey"] });
    expect(fieldDef("emailDomain")).toMatchObject({ type: "text", path: ["emailDomain"] });
    expect(fieldDef("type")).toMatchObject({ type: "enum", enumValues: ["company", "person"] });
    expect(fieldDef("correspondenceType")).toMatchObject({
      type: "enum",
      enumValues: ["hardCopy", "email"],
    });
    expect(fieldDef("excludeFromSegments")?.type).toBe("boolean");
    expect(fieldDef("createdAt")?.type).toBe("date");
    expect(fieldDef("postCode")?.type).toBe("code");
    expect(fieldDef("city")?.type).toBe("text");
  });

  it("makes custom fields on the fly and refuses bad keys and unknown names", () => {
    expect(fieldDef("custom.Branche_2")).toEqual({
      name: "custom.Branche_2",
      path: ["customFields", "Branche_2"],
      type: "any",
      label: { "en-US": "Branche_2", "da-DK": "Branche_2" },
    });
    for (const name of [
      "custom.",
      "custom.2x",
      "custom.a-b",
      `custom.${"a".repeat(51)}`,
      "shoeSize",
      "toString",
      "__proto__",
    ]) {
      expect({ name, def: fieldDef(name) }).toEqual({ name, def: undefined });
    }
  });

  it("fits operators to types", () => {
    expect(operatorsFor("enum")).toEqual(["eq", "ne", "in", "notIn", "empty", "notEmpty"]);
    expect(operatorsFor("boolean")).toEqual(["eq", "ne"]);
    expect(operatorsFor("date")).toEqual([
      "eq",
      "ne",
      "lt",
      "le",
      "gt",
      "ge",
      "between",
      "empty",
      "notEmpty",
    ]);
    expect(operatorsFor("number")).not.toContain("contains");
    // Fourteen, and "like": the ? wildcard of Business Central filter strings.
    expect(operatorsFor("code")).toHaveLength(15);
    expect(operatorsFor("code")).toContain("like");
    expect(operatorsFor("text")).toEqual(operatorsFor("any"));
  });
});
