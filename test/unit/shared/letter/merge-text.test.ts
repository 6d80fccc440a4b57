import {
  mergeTextFields,
  renderMergeText,
  unknownMergeTextFields,
} from "../../../../shared/letter/merge-text";

describe("merge text («Field» in a subject or short body)", () => {
  it("names each field once, in order, as written", () => {
    expect(mergeTextFields("«First Name» «Name» and «First Name» again, «Custom tier»")).toEqual([
      "First Name",
      "Name",
      "Custom tier",
    ]);
  });

  it("knows a field written as the engine compares names: case, spaces, _ . - ignored", () => {
    expect(unknownMergeTextFields("«FirstName» «first_name» «POST CODE» «Custom tier»")).toEqual(
      [],
    );
    expect(unknownMergeTextFields("Hi «Nickname», «FirstName» «Favourite Colour»")).toEqual([
      "Nickname",
      "Favourite Colour",
    ]);
  });

  it("writes each value as the merge writes it in the language; a field without a value reads empty", () => {
    const values = { "First Name": "Ærlig", Today: "2026-03-05", "Custom vip": true, Name: null };
    expect(renderMergeText("«FirstName», «Today», «Custom vip», [«Name»]", values, "da-DK")).toBe(
      "Ærlig, 05-03-2026, Ja, []",
    );
    expect(renderMergeText("«FirstName», «Today», «Custom vip»", values, "en-US")).toBe(
      "Ærlig, 3/5/2026, Yes",
    );
  });

  it("leaves text without fields, and lone guillemets, as they are", () => {
    expect(renderMergeText("«Anführungszeichen ohne Ende", {}, "de-DE")).toBe(
      "«Anführungszeichen ohne Ende",
    );
    expect(mergeTextFields("no fields")).toEqual([]);
  });
});
