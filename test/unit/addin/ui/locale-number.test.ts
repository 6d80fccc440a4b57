import {
  formatLocaleAmount,
  formatLocaleNumber,
  parseLocaleNumber,
} from "../../../../addin/ui/locale-number";
import { numberEntryText } from "../../../../addin/ui/number-entry-text";
import { enUS } from "../../../../addin/i18n/en-US";
import { daDK } from "../../../../addin/i18n/da-DK";
import { translator } from "../../../../addin/i18n/translate";

const number = (value: number) => ({ kind: "number", value });

describe("parseLocaleNumber", () => {
  it.each([
    ["12,5", 12.5],
    ["1.234,50", 1234.5],
    ["1.234", 1234],
    ["1.234.567,8", 1234567.8],
    ["1234,5", 1234.5],
    [",5", 0.5],
    ["0", 0],
    ["  7 ", 7],
    ["-12,5", -12.5],
    ["\u221212,5", -12.5],
    ["+3", 3],
  ])("reads Danish %j as %d", (text, value) => {
    expect(parseLocaleNumber("da-DK", text)).toEqual(number(value));
  });

  it.each([
    ["12.5", 12.5],
    ["1,234.50", 1234.5],
    ["1,234", 1234],
    ["1234.5", 1234.5],
    [".5", 0.5],
    ["12,34,567.5", 1234567.5],
  ])("reads English %j as %d", (text, value) => {
    expect(parseLocaleNumber("en-US", text)).toEqual(number(value));
  });

  // Business Central would read these as 125, 15 and 1234.5 (.NET drops a thousands separator
  // wherever it stands); the pane asks instead, offering the other reading.
  it.each([
    ["da-DK", "12.5", 12.5],
    ["da-DK", "0.5", 0.5],
    ["da-DK", "1,234.50", 1234.5],
    ["en-US", "12,5", 12.5],
    ["en-US", "1.234,50", 1234.5],
  ])("in %s, %j is ambiguous, read the other way %d", (locale, text, otherReading) => {
    expect(parseLocaleNumber(locale, text)).toEqual({ kind: "ambiguous", otherReading });
  });

  it.each([
    ["da-DK", "12,5,0"],
    ["da-DK", "1.23,4"],
    ["da-DK", "12,"],
    ["da-DK", "1,2.3"],
    ["da-DK", "-"],
    ["da-DK", ","],
    ["da-DK", "1e3"],
    ["da-DK", "kr. 12,50"],
    ["da-DK", "12 500"],
    ["da-DK", "ti"],
    ["en-US", "1,2,3"],
    ["en-US", "1.2.3"],
    ["en-US", "Infinity"],
    ["en-US", "0x10"],
  ])("in %s, %j is malformed", (locale, text) => {
    expect(parseLocaleNumber(locale, text)).toEqual({ kind: "malformed" });
  });

  it("reads an empty box as empty, and a space-grouped locale's spaces as grouping", () => {
    expect(parseLocaleNumber("da-DK", "   ")).toEqual({ kind: "empty" });
    expect(parseLocaleNumber("fr-FR", "1 234,5")).toEqual(number(1234.5));
    expect(parseLocaleNumber("fr-FR", "1\u202f234,5")).toEqual(number(1234.5));
  });

  it("reads a display language Intl does not know as English", () => {
    expect(parseLocaleNumber("not a locale!", "1,234.5")).toEqual(number(1234.5));
  });
});

describe("formatLocaleNumber", () => {
  it("writes every decimal the number has with the locale's separators", () => {
    expect(formatLocaleNumber("da-DK", 12.5)).toBe("12,5");
    expect(formatLocaleNumber("da-DK", 1234.5)).toBe("1.234,5");
    expect(formatLocaleNumber("en-US", 1234.5)).toBe("1,234.5");
    expect(formatLocaleNumber("en-US", 0.125)).toBe("0.125");
    expect(formatLocaleAmount("da-DK", 1234.5)).toBe("1.234,50");
    expect(formatLocaleAmount("en-US", 1234.5)).toBe("1,234.50");
  });

  it.each(["da-DK", "en-US", "en-IN", "fr-FR", "de-CH"])(
    "reads back what it writes in %s",
    (locale) => {
      for (const value of [0, 0.1, 12.5, 999, 1000, 1234.5, 1234567.891, 1_000_000_000]) {
        expect(parseLocaleNumber(locale, formatLocaleNumber(locale, value))).toEqual(number(value));
      }
    },
  );
});

describe("numberEntryText", () => {
  it("names the field and says what was meant, in each language", () => {
    const da = translator(daDK, "da-DK");
    const en = translator(enUS, "en-US");
    expect(
      numberEntryText(da, "da-DK", "Omkostning (RV)", "12.5", parseLocaleNumber("da-DK", "12.5")),
    ).toBe(
      'Omkostning (RV): "12.5" kan læses på to måder. Mente du 12,5? Her står decimaler efter ",", og "." adskiller tusinder.',
    );
    expect(numberEntryText(en, "en-US", "Cost (LCY)", "abc", { kind: "malformed" })).toBe(
      "Cost (LCY): write a number, such as 1,234.50.",
    );
    expect(numberEntryText(en, "en-US", "Cost (LCY)", "1", { kind: "number", value: 1 })).toBe(
      undefined,
    );
  });
});
