import { SegmentOperation, type SegmentBusy } from "@shared/model/segment-busy";
import { daDK } from "../../../../addin/i18n/da-DK";
import { enUS } from "../../../../addin/i18n/en-US";
import { translator } from "../../../../addin/i18n/translate";
import { segmentBusyText } from "../../../../addin/ui/segment-busy-text";
import { englishCatalogIn } from "../english-catalog";

/** Moments on the test machine's own clock, as the user's pane reads them. */
const at = (day: number, hour: number, minute: number) =>
  new Date(2026, 11, day, hour, minute, 11, 123).toISOString();
const now = new Date(2026, 11, 7, 14, 3);
const busy = (over: Partial<SegmentBusy> = {}): SegmentBusy => ({
  holder: "Alice Jensen",
  byYou: false,
  operation: "addContacts",
  since: at(7, 14, 2),
  leaseUntil: at(7, 14, 4),
  ...over,
});
// Intl puts a (narrow) no-break space before AM/PM and inside Danish dates.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
const english = (facts: SegmentBusy, language = "en-US") =>
  plain(segmentBusyText(translator(enUS, language), language, facts, now));
const danish = (facts: SegmentBusy) =>
  plain(segmentBusyText(translator(daDK, "da-DK"), "da-DK", facts, now));

describe("who holds the segment, doing what, until when, in the pane's language", () => {
  it("says it in English with the user's clock, no ISO time", () => {
    expect(english(busy())).toBe(
      "Alice Jensen is adding contacts to this segment (since 2:02 PM). Try again after 2:04 PM.",
    );
    expect(english(busy(), "en-GB")).toBe(
      "Alice Jensen is adding contacts to this segment (since 14:02). Try again after 14:04.",
    );
  });

  it("says it in Danish, with no English in it", () => {
    const text = danish(busy());
    expect(text).toBe(
      "Alice Jensen er ved at tilføje kontakter til målgruppen (siden 14.02). Prøv igen efter 14.04.",
    );
    expect(englishCatalogIn(text)).toEqual([]);
  });

  it("gives the date too when the moment is not today", () => {
    const overnight = busy({ since: at(6, 23, 59), leaseUntil: at(7, 0, 1) });
    // How a date reads is Intl's (its comma differs between ICU versions): the day is there.
    expect(english(overnight)).toMatch(
      /^Alice Jensen is adding contacts to this segment \(since Dec 6, 2026,? 11:59 PM\)\. Try again after 12:01 AM\.$/,
    );
    expect(danish(overnight)).toMatch(
      /^Alice Jensen er ved at tilføje kontakter til målgruppen \(siden 6\. dec\. 2026,? 23\.59\)\. Prøv igen efter 00\.01\.$/,
    );
  });

  it("tells the user the holder is themselves, in another window", () => {
    const mine = busy({ byYou: true, operation: "log" });
    expect(english(mine)).toBe(
      "You are logging this segment in another window (since 2:02 PM). Try again after 2:04 PM.",
    );
    expect(danish(mine)).toBe(
      "Du er ved at logføre målgruppen i et andet vindue (siden 14.02). Prøv igen efter 14.04.",
    );
  });

  it("says someone else when the server knows no name", () => {
    const { holder: _none, ...nameless } = busy({ operation: "applyTemplate" });
    expect(english(nameless)).toMatch(
      /^Someone else is applying an interaction template to this segment's lines \(since /,
    );
    expect(danish(nameless)).toMatch(
      /^En anden er ved at anvende en interaktionsskabelon på målgruppens linjer \(siden /,
    );
  });

  it("has words for every operation in both languages, none of them English in Danish", () => {
    for (const operation of SegmentOperation.options) {
      const facts = busy({ operation });
      // The code never shows (the catalog has a phrase for each: the compiler sees to that).
      expect(english(facts)).not.toMatch(/[a-z][A-Z]|\{/);
      expect(danish(facts)).not.toMatch(/[a-z][A-Z]|\{/);
      expect(englishCatalogIn(danish(facts))).toEqual([]);
    }
  });
});
