import {
  applyFieldMatches,
  canonicalMatches,
  fieldMatchProblems,
  foreignFields,
  mergelineFieldOf,
  suggestMatch,
  unmatchedFields,
} from "../../../../shared/letter/field-matching";
import { fieldSynonyms } from "../../../../shared/letter/field-synonyms";
import { letterFieldCatalog } from "../../../../shared/fields/letter-field-catalog";

describe("Match Fields suggestions", () => {
  it.each([
    ["First_Name", "First Name", "same_name"],
    ["Fornavn", "First Name", "label"],
    ["Last_Name", "Surname", "synonym"],
    ["LastName", "Surname", "synonym"],
    ["Efternavn", "Surname", "label"],
    ["Address_Line_1", "Address", "synonym"],
    ["Adresse 1", "Address", "synonym"],
    ["Adresselinje_1", "Address", "synonym"],
    ["Postal_Code", "Post Code", "synonym"],
    ["ZIP", "Post Code", "synonym"],
    ["Postnummer", "Post Code", "synonym"],
    ["By", "City", "label"],
    ["Company_Name", "Company Name", "same_name"],
    ["Firmanavn", "Company Name", "synonym"],
    ["Courtesy_Title", "Salutation", "synonym"],
    ["Titel", "Salutation", "synonym"],
    ["E-mail_Address", "E-Mail", "synonym"],
    ["Mail", "E-Mail", "synonym"],
    ["Country Region Code", "Country/Region Code", "same_name"],
    ["Land_eller_område", "Country/Region Code", "synonym"],
  ])("suggests for %s: %s (%s)", (field, suggestion, reason) => {
    expect(suggestMatch(field)).toEqual({ field, suggestion, reason });
  });

  it("suggests a contact's custom field by its key, and nothing for a name like no field", () => {
    expect(suggestMatch("Shoe_Size", ["tier", "shoeSize"])).toEqual({
      field: "Shoe_Size",
      suggestion: "Custom shoeSize",
      reason: "custom_field",
    });
    expect(suggestMatch("Hat")).toEqual({ field: "Hat", reason: "none" });
  });

  it("keeps every synonym pointing at a field of the catalog", () => {
    const names = new Set(letterFieldCatalog.map((f) => f.name));
    for (const name of Object.keys(fieldSynonyms)) expect(names).toContain(name);
  });
});

describe("which fields need a match", () => {
  const letter = ["Name", "post_code", "Custom tier", "Customer", "Efternavn", "EFTERNAVN", "Hat"];

  it("knows Mergeline's fields by the engine's rule, custom fields by 'Custom <key>'", () => {
    expect(mergelineFieldOf("post_code")).toBe("Post Code");
    expect(mergelineFieldOf("Custom_tier")).toBe("Custom tier");
    expect(mergelineFieldOf("Customer")).toBeUndefined();
    expect(foreignFields(letter)).toEqual(["Customer", "Efternavn", "Hat"]);
  });

  it("counts a field matched or left empty as matched, whatever its spelling in the matches", () => {
    expect(unmatchedFields(letter, { efternavn: "Surname", Hat: null })).toEqual([
      { field: "Customer", reason: "none" },
    ]);
  });

  it("names each match that does not fit: a field not in the letter, a target Mergeline lacks", () => {
    expect(
      fieldMatchProblems(letter, { Hat: "Shoe Size", Cap: "City", Name: "Company Name" }),
    ).toEqual([
      expect.objectContaining({ field: "Hat", rule: "unknown_field" }),
      expect.objectContaining({ field: "Cap", rule: "not_in_letter" }),
    ]);
  });

  it("stores targets under Mergeline's names and drops matches for fields a new letter lacks", () => {
    expect(
      canonicalMatches({ Efternavn: "surname", Hat: null, Gone: "City" }, ["Efternavn", "Hat"]),
    ).toEqual({ Efternavn: "Surname", Hat: null });
  });
});

describe("applying matches", () => {
  it("gives each matched field its Mergeline value and a field left empty an empty text", () => {
    const values = { Surname: "Holm", "Post Code": "8000" };
    expect(applyFieldMatches(values, { Efternavn: "Surname", Hat: null, Zip: "City" })).toEqual({
      Surname: "Holm",
      "Post Code": "8000",
      Efternavn: "Holm",
      Hat: "",
      Zip: null,
    });
    expect(applyFieldMatches(values, {})).toBe(values);
  });
});
