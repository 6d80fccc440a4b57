import { daDK } from "../../../../../../addin/i18n/da-DK";
import { enUS } from "../../../../../../addin/i18n/en-US";
import {
  fillIn,
  firstListKeys,
  firstListTexts,
} from "../../../../../../addin/features/segments/first-list/first-list-texts";

describe("the first list's words", () => {
  it.each([
    ["en-US", enUS],
    ["da-DK", daDK],
  ] as const)("are the %s catalog's, key for key", (language, catalog) => {
    const texts = firstListTexts(language);
    expect(Object.keys(texts).sort()).toEqual([...firstListKeys].sort());
    for (const key of firstListKeys) expect([key, texts[key]]).toEqual([key, catalog[key]]);
  });

  it("reads any Danish display language as Danish and any other as English", () => {
    expect(firstListTexts("da")["segments.list.heading"]).toBe("Målgrupper");
    expect(firstListTexts("DA-dk")["segments.list.heading"]).toBe("Målgrupper");
    expect(firstListTexts("de-DE")["segments.list.heading"]).toBe("Segments");
  });

  it("fills in the named values and leaves unknown ones as written", () => {
    expect(fillIn("Open segment {no} {description}", { no: "S1", description: "{no}" })).toBe(
      "Open segment S1 {no}",
    );
    expect(fillIn("Campaign {no} {missing}", { no: "K" })).toBe("Campaign K {missing}");
  });
});
