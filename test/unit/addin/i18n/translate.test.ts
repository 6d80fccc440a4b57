import { daDK } from "../../../../addin/i18n/da-DK";
import { enUS } from "../../../../addin/i18n/en-US";
import { messagesFor, translator } from "../../../../addin/i18n/translate";

describe("translate", () => {
  it("picks Danish for any da display language and English otherwise", () => {
    expect(messagesFor("da-DK")).toBe(daDK);
    expect(messagesFor("da")).toBe(daDK);
    expect(messagesFor("en-GB")).toBe(enUS);
    expect(messagesFor("de-DE")).toBe(enUS);
  });

  it("fills {placeholders} and leaves unknown ones visible", () => {
    const t = translator(daDK);
    expect(t("error.unreachable.body", { url: "http://localhost:7071/api" })).toBe(
      "Kunne ikke nå http://localhost:7071/api. Tjek forbindelsen, og at API'et kører, og prøv igen.",
    );
    expect(t("shell.document")).toBe("Dokument: {title}");
  });

  it("translates every English key into Danish", () => {
    expect(Object.keys(daDK).sort()).toEqual(Object.keys(enUS).sort());
    for (const value of Object.values(daDK)) expect(value.trim()).not.toBe("");
  });
});
