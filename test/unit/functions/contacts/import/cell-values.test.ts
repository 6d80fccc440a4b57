import {
  convertCell,
  toCodeList,
  toCustomValue,
  toLanguageTag,
} from "../../../../../functions/contacts/import/cell-values";

describe("cell values", () => {
  it.each([
    ["Ja", true],
    ["nej", false],
    ["Yes", true],
    ["NO", false],
    ["true", true],
    ["FALSK", false],
    ["SAND", true],
    ["1", true],
    ["0", false],
  ])("reads the yes/no %j", (cell, value) => {
    expect(convertCell("boolean", cell)).toEqual({ ok: true, value });
  });

  it.each([
    ["Virksomhed", "company"],
    ["Company", "company"],
    ["person", "person"],
    ["PERSON", "person"],
  ])("reads the type %j", (cell, value) => {
    expect(convertCell("type", cell)).toEqual({ ok: true, value });
  });

  it.each([
    ["Papirkopi", "hardCopy"],
    ["Hard Copy", "hardCopy"],
    ["hardCopy", "hardCopy"],
    ["E-mail", "email"],
    ["E-Mail", "email"],
  ])("reads the correspondence type %j", (cell, value) => {
    expect(convertCell("correspondence", cell)).toEqual({ ok: true, value });
  });

  it("reports what it cannot read, quoting the cell", () => {
    expect(convertCell("boolean", "måske")).toEqual({
      ok: false,
      message: expect.stringContaining('"måske"'),
    });
    expect(convertCell("type", "Kunde")).toEqual({
      ok: false,
      message: expect.stringContaining('"Kunde"'),
    });
    expect(convertCell("correspondence", "Telefax")).toEqual({
      ok: false,
      message: expect.stringContaining('"Telefax"'),
    });
  });

  it.each([
    ["DAN", "da-DK"],
    ["enu", "en-US"],
    ["ENG", "en-GB"],
    ["SVE", "sv-SE"],
    ["NOR", "nb-NO"],
    ["DEU", "de-DE"],
    ["NLD", "nl-NL"],
    ["da-DK", "da-DK"],
    ["da-dk", "da-DK"],
    ["en_us", "en-US"],
    ["da", "da"],
    ["Klingon", "Klingon"],
  ])("reads the language %j as %j", (cell, tag) => {
    expect(toLanguageTag(cell)).toBe(tag);
  });

  it("upper-cases codes and splits lists on | or ,", () => {
    expect(convertCell("code", "kt0001")).toEqual({ ok: true, value: "KT0001" });
    expect(toCodeList("news| events ,,vip")).toEqual(["NEWS", "EVENTS", "VIP"]);
  });

  it.each([
    ["12", 12],
    ["-5", -5],
    ["12.5", 12.5],
    ["true", true],
    ["false", false],
    ["007", "007"],
    ["1e3", "1e3"],
    ["12.50", "12.50"],
    ["12345678901234567890", "12345678901234567890"],
    ["Guld", "Guld"],
  ])("reads the custom value %j as %j", (cell, value) => {
    expect(toCustomValue(cell)).toBe(value);
  });
});
