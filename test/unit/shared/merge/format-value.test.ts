import { formatMergeValue } from "@shared/merge";

const da = (value: Parameters<typeof formatMergeValue>[0], switches = "") =>
  formatMergeValue(value, { language: "da-DK", switches, templateDecimalSymbol: "," });
const en = (value: Parameters<typeof formatMergeValue>[0], switches = "") =>
  formatMergeValue(value, { language: "en-US", switches });

describe("formatMergeValue: values without switches", () => {
  it("writes dates as the language's short date (Windows' regional format, as Word shows it)", () => {
    const date = new Date(Date.UTC(2026, 10, 22));
    expect(da(date)).toBe("22-11-2026");
    expect(en(date)).toBe("11/22/2026");
    expect(formatMergeValue(date, { language: "de-DE" })).toBe("22.11.2026");
    expect(formatMergeValue(date, { language: "en-GB" })).toBe("22/11/2026");
    expect(da("2026-11-22")).toBe("22-11-2026");
    expect(en("2026-03-05")).toBe("3/5/2026");
  });

  it("adds the time when a date has one, in the given time zone", () => {
    const instant = new Date(Date.UTC(2026, 10, 22, 14, 5));
    expect(da(instant)).toBe("22-11-2026 14:05");
    expect(en(instant)).toBe("11/22/2026 2:05 PM");
    expect(formatMergeValue(instant, { language: "da-DK", timeZone: "Europe/Copenhagen" })).toBe(
      "22-11-2026 15:05",
    );
    // An evening in UTC is the next day in Copenhagen.
    expect(
      formatMergeValue(new Date(Date.UTC(2026, 10, 21, 23, 30)), {
        language: "da-DK",
        timeZone: "Europe/Copenhagen",
        switches: '\\@ "d. MMMM yyyy"',
      }),
    ).toBe("22. november 2026");
  });

  it("writes numbers with the language's decimal sign and no grouping (postcodes, customer numbers)", () => {
    expect(da(1234.5)).toBe("1234,5");
    expect(en(1234.5)).toBe("1234.5");
    expect(da(2100)).toBe("2100");
    expect(da(-0.25)).toBe("-0,25");
  });

  it("writes yes/no in the language, and nothing for null and undefined", () => {
    expect(da(true)).toBe("Ja");
    expect(da(false)).toBe("Nej");
    expect(en(true)).toBe("Yes");
    expect(da(null)).toBe("");
    expect(da(undefined)).toBe("");
  });

  it("falls back to en-US for a missing or invalid language", () => {
    expect(formatMergeValue(new Date(Date.UTC(2026, 0, 2)))).toBe("1/2/2026");
    expect(formatMergeValue(new Date(Date.UTC(2026, 0, 2)), { language: "not a language!" })).toBe(
      "1/2/2026",
    );
  });
});

describe("formatMergeValue: date-time pictures (\\@)", () => {
  const date = new Date(Date.UTC(2026, 10, 22, 9, 7, 3));
  it.each([
    ['\\@ "d MMMM yyyy"', "22 november 2026", "22 November 2026"],
    ['\\@ "dddd d. MMMM yyyy"', "søndag 22. november 2026", "Sunday 22. November 2026"],
    ['\\@ "ddd d MMM yy"', "søn 22 nov 26", "Sun 22 Nov 26"],
    ['\\@ "dd-MM-yyyy"', "22-11-2026", "22-11-2026"],
    ['\\@ "M/d/yyyy"', "11/22/2026", "11/22/2026"],
    ['\\@ "DD.MM.YYYY"', "22.11.2026", "22.11.2026"],
    ['\\@ "HH:mm:ss"', "09:07:03", "09:07:03"],
    ['\\@ "h:mm am/pm"', "9:07 am", "9:07 am"],
    ['\\@ "hh:mm AM/PM"', "09:07 AM", "09:07 AM"],
    ["\\@ \"d 'de' MMMM\"", "22 de november", "22 de November"],
    ["\\@ \"'Uge' d\"", "Uge 22", "Uge 22"],
  ])("%s", (switches, danish, english) => {
    expect(da(date, switches)).toBe(danish);
    expect(en(date, switches)).toBe(english);
  });

  it("reads ISO dates and the language's numeric dates from text", () => {
    expect(da("2026-02-01", '\\@ "d. MMMM"')).toBe("1. februar");
    expect(da("01-02-2026", '\\@ "d. MMMM"')).toBe("1. februar");
    expect(en("02/01/2026", '\\@ "MMMM d"')).toBe("February 1");
    expect(da("not a date", '\\@ "d. MMMM"')).toBe("not a date");
  });
});

describe("formatMergeValue: numeric pictures (\\#)", () => {
  it.each([
    ['\\# "0.00"', 1234.5, "1234,50", "1234.50"],
    ['\\# "#,##0.00"', 1234567.891, "1.234.567,89", "1,234,567.89"],
    ['\\# "#,##0"', 999.5, "1.000", "1,000"],
    ['\\# "0"', 2.5, "3", "3"],
    ['\\# "0.##"', 2.5, "2,5", "2.5"],
    ['\\# "0.##"', 2, "2", "2"],
    ['\\# "00000"', 42, "00042", "00042"],
    ['\\# "$#,##0.00"', 1234.5, "$1.234,50", "$1,234.50"],
    ['\\# "0.00 %"', 12.5, "12,50 %", "12.50 %"],
    ['\\# "#,##0.00;(#,##0.00)"', -1234.5, "(1.234,50)", "(1,234.50)"],
    ["\\# \"#,##0.00;-#,##0.00;'nul'\"", 0, "nul", "nul"],
    ['\\# "#,##0.00"', -5, "-5,00", "-5.00"],
    ['\\# "0.00"', 1.005, "1,01", "1.01"],
    ["\\# \"'Rounded 1.5:' 0\"", 1.5, "Rounded 1.5: 2", "Rounded 1.5: 2"],
  ])("%s of %s", (switches, value, danish, english) => {
    expect(da(value, switches)).toBe(danish);
    expect(en(value, switches)).toBe(english);
  });

  it("reads Danish pictures (decimal comma, space or dot grouping) by their shape", () => {
    expect(da(1234.5, '\\# "# ##0,00 kr."')).toBe("1.234,50 kr.");
    expect(en(1234.5, '\\# "# ##0,00 kr."')).toBe("1,234.50 kr.");
    expect(da(1234.5, '\\# "#.##0,00"')).toBe("1.234,50");
    expect(da(3.14159, '\\# "0,000"')).toBe("3,142");
    expect(en(3141.59, '\\# "0,000"')).toBe("3,142");
  });

  it("reads numbers from text, and leaves other text alone", () => {
    expect(da("1234.5", '\\# "#,##0.00"')).toBe("1.234,50");
    expect(da("1234,5", '\\# "#,##0.00"')).toBe("1.234,50");
    expect(da("n/a", '\\# "#,##0.00"')).toBe("n/a");
    expect(da("", '\\# "#,##0.00"')).toBe("");
  });
});

describe("formatMergeValue: text switches (\\*, \\b, \\f)", () => {
  it.each([
    ["\\* Upper", "jens hansen", "JENS HANSEN"],
    ["\\* Lower", "Jens HANSEN", "jens hansen"],
    ["\\* Caps", "JENS hansen-lund", "Jens Hansen-Lund"],
    ["\\* FirstCap", "jens hansen", "Jens hansen"],
    ["\\* MERGEFORMAT", "Jens", "Jens"],
    ["\\* CHARFORMAT", "Jens", "Jens"],
    ["\\* Upper \\* MERGEFORMAT", "æble", "ÆBLE"],
    ["\\* roman", "14", "xiv"],
    ["\\* ROMAN", "14", "XIV"],
    ["\\* ALPHABETIC", "28", "BB"],
    ["\\* Ordinal", "2", "2."],
    ["\\* Hex", "255", "FF"],
  ])("%s", (switches, value, expected) => {
    expect(da(value, switches)).toBe(expected);
  });

  it("writes ordinals in English as English does", () => {
    expect(en(1, "\\* Ordinal")).toBe("1st");
    expect(en(12, "\\* Ordinal")).toBe("12th");
    expect(en(23, "\\* Ordinal")).toBe("23rd");
  });

  it("puts \\b and \\f text around a value only when there is one", () => {
    expect(da("Sales", '\\b "Att.: " \\f " department"')).toBe("Att.: Sales department");
    expect(da("", '\\b "Att.: " \\f " department"')).toBe("");
    expect(da(null, '\\b "Att.: "')).toBe("");
  });
});
