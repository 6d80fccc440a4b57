import { resolveMapping } from "../../../../../functions/contacts/import/column-mapping";
import { rowToInput, validateRow } from "../../../../../functions/contacts/import/row-conversion";

const mapping = resolveMapping(
  [
    "Nr.",
    "Navn",
    "Type",
    "Udelad fra målgrupper",
    "Mailinggrupper",
    "Sprogkode",
    "Telefon",
    "custom.points",
  ],
  undefined,
  "body",
);
const row = (cells: string[]) => ({ row: 7, cells });

describe("row conversion", () => {
  it("turns a row into what POST /contacts takes, undoing the export's formula guard", () => {
    const { input, errors } = rowToInput(
      row(["kt1", "=Anna", "Person", "Ja", "news|vip", "DAN", "'+45 11 22 33 44", "3"]),
      mapping,
      "company",
    );
    expect(errors).toEqual([]);
    expect(input).toEqual({
      no: "KT1",
      name: "=Anna",
      type: "person",
      excludeFromSegments: true,
      mailingGroups: ["NEWS", "VIP"],
      languageCode: "da-DK",
      phone: "+45 11 22 33 44",
      customFields: { points: 3 },
    });
  });

  it("uses the default type for a row without one and leaves empty cells out", () => {
    expect(rowToInput(row(["", "Anna", "", "", "", "", "", ""]), mapping, "company").input).toEqual(
      { name: "Anna", type: "company" },
    );
  });

  it("reports unreadable cells once, naming the field and the column", () => {
    const result = validateRow(row(["KT1", "Anna", "Kunde", "måske"]), mapping, "person");
    expect(result).toEqual({
      problem: {
        row: 7,
        no: "KT1",
        status: "invalid",
        errors: [
          {
            in: "body",
            field: "type",
            rule: "invalid_value",
            message: expect.stringContaining('(column "Type")'),
            row: 7,
          },
          {
            in: "body",
            field: "excludeFromSegments",
            rule: "invalid_value",
            message: expect.stringContaining('(column "Udelad fra målgrupper")'),
            row: 7,
          },
        ],
      },
    });
  });

  it("reports the contact rules with the column that holds the value", () => {
    const result = validateRow(
      row(["KT1", "Anna", "", "", "news letter!", "", "abc"]),
      mapping,
      "person",
    );
    expect(
      "problem" in result &&
        result.problem.errors.map((e) => [e.field, e.rule, e.message.endsWith('")')]),
    ).toEqual([
      ["phone", "invalid_format", true],
      ["mailingGroups.0", "invalid_format", true],
    ]);
  });

  it("reports filled cells beyond the header", () => {
    const short = resolveMapping(["Name"], undefined, "body");
    const result = validateRow(row(["Anna", "", "stray"]), short, "person");
    expect("problem" in result && result.problem.errors.map((e) => e.rule)).toEqual([
      "too_many_cells",
    ]);
    expect("candidate" in validateRow(row(["Anna", "", ""]), short, "person")).toBe(true);
  });

  it("passes a good row as a parsed contact with the contract's defaults", () => {
    const result = validateRow(row(["KT1", "Anna"]), mapping, "person");
    expect(result).toEqual({
      candidate: {
        row: 7,
        contact: expect.objectContaining({
          no: "KT1",
          name: "Anna",
          type: "person",
          excludeFromSegments: false,
          mailingGroups: [],
        }),
      },
    });
  });
});
