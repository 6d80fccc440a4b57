import { ValidationError } from "../../../../../functions/errors/app-errors";
import { readCsvTable } from "../../../../../functions/contacts/import/csv-table";

const problemOf = (text: string) => {
  try {
    readCsvTable(text);
  } catch (error) {
    if (error instanceof ValidationError) return error.errors.map((e) => `${e.field}:${e.rule}`);
    throw error;
  }
  throw new Error("expected a ValidationError");
};

describe("readCsvTable", () => {
  it("reads BOM, semicolons and CRLF, and trims unquoted cells only", () => {
    const table = readCsvTable('\uFEFFNr.;Navn\r\n 1 ;" Å "\r\n');
    expect(table).toEqual({
      delimiter: ";",
      header: ["Nr.", "Navn"],
      rows: [{ row: 1, cells: ["1", " Å "] }],
    });
  });

  it("keeps quoted delimiters, doubled quotes and line breaks in one cell", () => {
    const table = readCsvTable('Name,Address\n"A, B","c/o ""X""\nline 2"\n');
    expect(table.rows).toEqual([{ row: 1, cells: ["A, B", 'c/o "X"\nline 2'] }]);
  });

  it("skips blank lines and lines of empty cells but counts them in row numbers", () => {
    const table = readCsvTable("\n\nName;City\nA;X\n\n;\nB;Y");
    expect(table.rows).toEqual([
      { row: 1, cells: ["A", "X"] },
      { row: 4, cells: ["B", "Y"] },
    ]);
  });

  it("uses the delimiter it is given over the detected one", () => {
    expect(readCsvTable("a;b,c\n1;2,3\n", ",").header).toEqual(["a;b", "c"]);
  });

  it("keeps a quote inside an unquoted cell as text", () => {
    expect(readCsvTable('Name\n12" skærm\n').rows[0]?.cells).toEqual(['12" skærm']);
  });

  it.each([
    ["", "csv:required"],
    ["\uFEFF \r\n", "csv:required"],
    ["Name;City\r\n\r\n", "csv:no_rows"],
    ['Name\n"open\n', "csv:invalid_csv"],
    ["PK\u0003\u0004\u0000", "csv:invalid_csv"],
    ["Name\nS\uFFFDren\n", "csv:invalid_encoding"],
  ])("refuses %j as %s", (text, problem) => {
    expect(problemOf(text)).toEqual([problem]);
  });
});
