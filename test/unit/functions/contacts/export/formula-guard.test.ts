import fc from "fast-check";
import {
  guardFormula,
  unguardFormula,
} from "../../../../../functions/contacts/export/formula-guard";

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
    const tricky = fc.string({
      unit: fc.constantFrom("'", "=", "+", "-", "@", "\t", "\r", "a", " "),
    });
    fc.assert(
      fc.property(fc.oneof(fc.string(), tricky), (s) => unguardFormula(guardFormula(s)) === s),
    );
  });

  it("leaves an apostrophe that the guard cannot have added", () => {
    expect(unguardFormula("'quoted")).toBe("'quoted");
    expect(unguardFormula("'")).toBe("'");
  });
});
