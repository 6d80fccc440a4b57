import { daDK } from "../../../../addin/i18n/da-DK";
import { enUS } from "../../../../addin/i18n/en-US";
import { formatMessage } from "../../../../addin/i18n/format-message";
import { translator } from "../../../../addin/i18n/translate";
import { formatDate } from "../../../../addin/i18n/use-format";

describe("messages in the pane's locale", () => {
  it("groups thousands as the locale does", () => {
    expect(formatMessage("da-DK", "{count} ×", { count: 3229 })).toBe("3.229 ×");
    expect(formatMessage("en-US", "{count} ×", { count: 3229 })).toBe("3,229 ×");
  });

  it("leaves identifiers as typed: a segment No. or an entry No. is not a quantity", () => {
    expect(
      formatMessage("en-US", "Logged segment {entryNo}, line {lineNo}, {no}", {
        entryNo: 12345,
        lineNo: 10000,
        no: 20000,
      }),
    ).toBe("Logged segment 12345, line 10000, 20000");
  });

  it("picks the plural form by Intl.PluralRules, never 'error(s)'", () => {
    const t = translator(enUS);
    expect(t("merge.check.summary", { errors: 0, warnings: 1, count: 3229 })).toBe(
      "0 errors and 1 warning in 3,229 letters. You can merge all the same.",
    );
    expect(t("merge.check.summary", { errors: 1, warnings: 2, count: 1 })).toMatch(
      /^1 error and 2 warnings in 1 letter\./,
    );
    expect(t("criteria.count.add", { count: 1 })).toBe("1 contact would be added");
    const da = translator(daDK);
    expect(da("merge.check.summary", { errors: 0, warnings: 1, count: 3229 })).toBe(
      "0 fejl og 1 advarsel i 3.229 breve. Du kan flette alligevel.",
    );
    expect(da("log.problems", { count: 3229, lines: 1 })).toMatch(/^3\.229 problemer på 1 linje:/);
    for (const text of [...Object.values(enUS), ...Object.values(daDK)])
      expect(text).not.toMatch(/\((s|er)\)/);
  });

  it("chooses an exact form before the locale's category and fills # with the number", () => {
    expect(
      formatMessage("en-US", "{n, plural, =0 {none} one {# item} other {# items}}", { n: 0 }),
    ).toBe("none");
    expect(formatMessage("da-DK", "{n, plural, one {# linje} other {# linjer}}", { n: 1200 })).toBe(
      "1.200 linjer",
    );
  });

  it("falls back to en-US for a display language Intl cannot read", () => {
    expect(formatMessage("not a locale!", "{count}", { count: 1000 })).toBe("1,000");
  });

  it("writes dates as the locale does, the day as stored", () => {
    expect(formatDate("da-DK", "2026-12-07")).toBe("7. dec. 2026");
    expect(formatDate("en-US", "2026-12-07T23:30:00Z")).toBe("Dec 7, 2026");
    expect(formatDate("da-DK", "someday")).toBe("someday");
  });
});
