import fc from "fast-check";
import { encodeLine } from "../../../../../functions/contacts/export/csv-line";
import {
  guardFormula,
  readerSeparators,
  unguardFormula,
} from "../../../../../functions/contacts/export/formula-guard";

const trigger = /^[=+\-@\t\r]/;

/** What a spreadsheet reading with `delimiter` makes of a line, quotes and all (Excel's way). */
const quotedFields = (line: string, delimiter: string): string[] => {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = "";
    if (line[i] === '"') {
      i += 1;
      for (; i < line.length; i++) {
        if (line[i] === '"' && line[i + 1] === '"') {
          field += '"';
          i += 1;
        } else if (line[i] === '"') break;
        else field += line[i];
      }
      i += 1;
    }
    // Whatever follows a closing quote, or an unquoted field, is taken as it is.
    for (; i < line.length && line[i] !== delimiter; i++) field += line[i];
    fields.push(field);
    if (i >= line.length) return fields;
    i += 1;
  }
};

/** A reader that splits on the delimiter and ignores quotes, then trims blanks and quotes. */
const naiveFields = (line: string, delimiter: string): string[] =>
  line.split(delimiter).map((f) => f.replace(/^[ "]+/, ""));

/** Every field any reader could see, also with blanks trimmed (LibreOffice's option). */
const fieldsReadWith = (line: string, delimiter: string): string[] =>
  [...quotedFields(line, delimiter), ...naiveFields(line, delimiter)].flatMap((f) => [
    f,
    f.trimStart(),
  ]);

const cellText = fc.string({
  unit: fc.constantFrom(
    "'",
    "=",
    "+",
    "-",
    "@",
    "\t",
    "\r",
    "\n",
    " ",
    '"',
    ",",
    ";",
    "|",
    ":",
    "a",
  ),
  maxLength: 12,
});

describe("formula guard", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+45 33 12 34 56", "'+45 33 12 34 56"],
    ["-5", "'-5"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
    ["'=x", "''=x"],
    ["Nordlys A/S", "Nordlys A/S"],
    ["'quoted", "'quoted"],
    ["", ""],
    ["a=b", "a=b"],
  ])("guards %j as %j", (cell, guarded) => {
    expect(guardFormula(cell)).toBe(guarded);
  });

  it("never leaves a cell starting with a formula character", () => {
    fc.assert(fc.property(fc.string(), (s) => !/^[=+\-@\t\r]/.test(guardFormula(s))));
  });

  it("is undone exactly by unguardFormula, whatever the text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), cellText), (s) => unguardFormula(guardFormula(s)) === s),
      { numRuns: 5_000 },
    );
  });

  it.each([
    ["x,=cmd|' /C calc'!A0", "x,'=cmd|' /C calc'!A0"],
    ["Hansen - Byg", "Hansen '- Byg"],
    ['a,"=b', `a,"'=b`],
    ["a;\t=b", "a;'\t'=b"],
    ["a|@b", "a|'@b"],
    ["line\n+1", "line\n'+1"],
    ["a, '=b", "a, ''=b"],
    ["a=b,c-d", "a=b,c-d"],
  ])("guards what follows a separator: %j as %j", (cell, guarded) => {
    expect(guardFormula(cell)).toBe(guarded);
  });

  it("the issue's cell, exported with ; and read with a comma, is no formula", () => {
    const line = encodeLine(["KT1", "x,=cmd|' /C calc'!A0", "Aarhus"], ";");
    expect(fieldsReadWith(line, ",").filter((f) => trigger.test(f))).toEqual([]);
  });

  it.each(readerSeparators)(
    "no field starts a formula when a reader splits the export at %j",
    (reader) => {
      fc.assert(
        fc.property(
          fc.array(cellText, { minLength: 1, maxLength: 4 }),
          fc.constantFrom(";" as const, "," as const),
          (cells, delimiter) => {
            const line = encodeLine(cells, delimiter);
            return fieldsReadWith(line, reader).every((f) => !trigger.test(f));
          },
        ),
        { numRuns: 2_000 },
      );
    },
  );

  it("leaves an apostrophe that the guard cannot have added", () => {
    expect(unguardFormula("'quoted")).toBe("'quoted");
    expect(unguardFormula("'")).toBe("'");
  });
});
