import { daDK } from "../../../../addin/i18n/da-DK";
import { enUS } from "../../../../addin/i18n/en-US";
import { translator } from "../../../../addin/i18n/translate";
import { dateEntryText, dateExample } from "../../../../addin/ui/date-entry-text";
import {
  calendarNames,
  datePattern,
  firstDayOfWeek,
  formatLocaleDate,
  parseLocaleDate,
} from "../../../../addin/ui/locale-date";

const TODAY = "2026-12-07";
const date = (iso: string) => ({ kind: "date", iso });
const read = (locale: string, text: string) => parseLocaleDate(locale, text, TODAY);

describe("formatLocaleDate", () => {
  it.each([
    ["da-DK", "07.12.2026"],
    ["en-US", "12/07/2026"],
    ["en-GB", "07/12/2026"],
  ])("writes 2026-12-07 in %s as %s", (locale, shown) => {
    expect(formatLocaleDate(locale, "2026-12-07")).toBe(shown);
  });

  it("leaves what is no ISO date as it is (a relative date in criteria)", () => {
    expect(formatLocaleDate("da-DK", "-30D")).toBe("-30D");
    expect(formatLocaleDate("da-DK", "2026-02-30")).toBe("2026-02-30");
  });

  it("reads back every day it writes, in every locale", () => {
    for (const locale of ["da-DK", "en-US", "en-GB", "de-DE", "sv-SE", "fr-FR"]) {
      for (const iso of ["2026-01-02", "2026-12-31", "2024-02-29", "1999-07-04"]) {
        expect(read(locale, formatLocaleDate(locale, iso))).toEqual(date(iso));
      }
    }
  });
});

describe("parseLocaleDate", () => {
  it.each([
    ["07.12.2026", "2026-12-07"],
    ["7.12.2026", "2026-12-07"],
    ["7. 12. 2026", "2026-12-07"],
    ["7.12.26", "2026-12-07"],
    ["31.1.95", "1995-01-31"],
    ["7.12", "2026-12-07"],
    ["24.12.", "2026-12-24"],
    ["2026-12-07", "2026-12-07"],
    ["2026-1-7", "2026-01-07"],
    ["2026/12/07", "2026-12-07"],
    ["29.02.2024", "2024-02-29"],
    // Another convention's separator where only one reading is a day: that day.
    ["12/25/2026", "2026-12-25"],
  ])("reads Danish %j as %s", (text, iso) => {
    expect(read("da-DK", text)).toEqual(date(iso));
  });

  it.each([
    ["12/07/2026", "2026-12-07"],
    ["12/7/26", "2026-12-07"],
    ["7/4", "2026-07-04"],
    ["2026-07-04", "2026-07-04"],
  ])("reads American %j as %s", (text, iso) => {
    expect(read("en-US", text)).toEqual(date(iso));
  });

  it.each([
    ["07/12/2026", "2026-12-07"],
    ["31/01/2026", "2026-01-31"],
  ])("reads British %j as %s", (text, iso) => {
    expect(read("en-GB", text)).toEqual(date(iso));
  });

  it("asks when another convention's separator makes two real days", () => {
    expect(read("da-DK", "12/07/2026")).toEqual({
      kind: "ambiguous",
      iso: "2026-07-12",
      otherReading: "2026-12-07",
    });
    expect(read("en-US", "07.12.2026")).toEqual({
      kind: "ambiguous",
      iso: "2026-07-12",
      otherReading: "2026-12-07",
    });
    // The same day either way is no question.
    expect(read("da-DK", "05/05/2026")).toEqual(date("2026-05-05"));
  });

  it.each([
    "31.02.2026",
    "32.01.2026",
    "7.13.2026",
    "i morgen",
    "07-12-2026x",
    "1.2.202",
    "2026.13.01",
  ])("refuses %j", (text) => {
    expect(read("da-DK", text)).toEqual({ kind: "malformed" });
  });

  it("calls blank text empty", () => {
    expect(read("da-DK", "   ")).toEqual({ kind: "empty" });
  });

  it("reads an unusable display language as en-US instead of throwing", () => {
    expect(datePattern("??")).toEqual({ order: ["month", "day", "year"], separator: "/" });
    expect(read("??", "12/07/2026")).toEqual(date("2026-12-07"));
  });
});

describe("calendar names", () => {
  it("starts the Danish and British week on Monday, the American on Sunday", () => {
    expect(firstDayOfWeek("da-DK")).toBe(1);
    expect(firstDayOfWeek("en-GB")).toBe(1);
    expect(firstDayOfWeek("en-US")).toBe(0);
  });

  it("names months and days in the locale", () => {
    const danish = calendarNames("da-DK");
    expect(danish.months[11]).toBe("december");
    expect(danish.days[1]).toBe("mandag");
    expect(calendarNames("en-US").days[0]).toBe("Sunday");
  });

  it("gives short month names for the DatePicker's month picker", () => {
    expect(calendarNames("da-DK").shortMonths[4]).toBe("maj");
    expect(calendarNames("en-US").shortMonths[11]).toBe("Dec");
  });
});

describe("dateEntryText", () => {
  const danish = translator(daDK, "da-DK");
  const english = translator(enUS, "en-US");

  it("names the field and both days in Danish", () => {
    const entry = read("da-DK", "12/07/2026");
    expect(dateEntryText(danish, "da-DK", "Dato", "12/07/2026", entry)).toBe(
      'Dato: "12/07/2026" kan læses på to måder. Mente du 12. juli 2026 (12.07.2026) eller 7. december 2026 (07.12.2026)?',
    );
  });

  it("shows the locale's way of writing a date when the text is none", () => {
    expect(dateExample("da-DK")).toBe("31.12.2026");
    expect(dateEntryText(english, "en-US", "Date", "soon", read("en-US", "soon"))).toBe(
      "Date: write a date, such as 12/31/2026.",
    );
    expect(dateEntryText(english, "en-US", "Date", "12/07/2026", read("en-US", "12/07/2026"))).toBe(
      undefined,
    );
  });
});
