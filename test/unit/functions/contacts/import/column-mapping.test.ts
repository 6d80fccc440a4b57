import { ValidationError } from "../../../../../functions/errors/app-errors";
import { columnOf, resolveMapping } from "../../../../../functions/contacts/import/column-mapping";

const errorsOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError)
      return error.errors.map((e) => `${e.in}:${e.field}:${e.rule}`);
    throw error;
  }
  throw new Error("expected a ValidationError");
};

describe("resolveMapping", () => {
  it("maps known headers, ignores unknown ones and reports both", () => {
    const mapping = resolveMapping(
      ["Navn", "E-mail", "Farve", "custom.tier", ""],
      undefined,
      "body",
    );
    expect(mapping.used).toEqual({
      Navn: "name",
      "E-mail": "email",
      Farve: "",
      "custom.tier": "custom.tier",
    });
    expect(mapping.targets).toEqual([
      { kind: "field", field: "name" },
      { kind: "field", field: "email" },
      undefined,
      { kind: "custom", key: "tier" },
      undefined,
    ]);
  });

  it("lets a given mapping win for the headers it names", () => {
    const mapping = resolveMapping(["Kunde", "Name", "City"], { Kunde: "name", City: "" }, "body");
    // Name would fill name too, but the explicit Kunde does: Name is ignored.
    expect(mapping.used).toEqual({ Kunde: "name", Name: "", City: "" });
  });

  it("lets the first of two headers for one field win", () => {
    const mapping = resolveMapping(["Name", "Land/område", "Lande-/områdekode"], undefined, "body");
    expect(mapping.used).toEqual({
      Name: "name",
      "Land/område": "countryRegionCode",
      "Lande-/områdekode": "",
    });
  });

  it("names the column that fills a field path", () => {
    const mapping = resolveMapping(
      ["Navn", "Grupper", "Niveau"],
      { Grupper: "mailingGroups", Niveau: "custom.level" },
      "body",
    );
    expect(columnOf(mapping, "mailingGroups.2")).toBe("Grupper");
    expect(columnOf(mapping, "customFields.level")).toBe("Niveau");
    expect(columnOf(mapping, "email")).toBeUndefined();
  });

  it("refuses targets that do not exist, in the location the options came from", () => {
    expect(
      errorsOf(() => resolveMapping(["Name", "X"], { X: "colour", Name: "customFields" }, "query")),
    ).toEqual(["query:mapping.X:unknown_field", "query:mapping.Name:unknown_field"]);
  });

  it("refuses headers the CSV does not have and two columns for one field", () => {
    expect(
      errorsOf(() => resolveMapping(["A", "B"], { A: "name", B: "name", C: "" }, "body")),
    ).toEqual(["body:mapping.B:duplicate_target", "body:mapping.C:unknown_column"]);
  });

  it("refuses a CSV without a column for the name", () => {
    expect(errorsOf(() => resolveMapping(["Navn", "By"], { Navn: "" }, "body"))).toEqual([
      "body:csv:required_column",
    ]);
  });
});
