import { formatGreetingLine } from "@shared/letter/greeting-line";

describe("formatGreetingLine", () => {
  it("the contact's salutation, with a comma", () => {
    expect(formatGreetingLine({ kind: "person", salutation: "Dear Mr. Smith" })).toBe(
      "Dear Mr. Smith,",
    );
    expect(formatGreetingLine({ kind: "person", salutation: "Kære Jens," })).toBe("Kære Jens,");
  });

  it("without a salutation, by name in the line's language", () => {
    const ann = { kind: "person" as const, firstName: "Ann", surname: "Lee" };
    expect(formatGreetingLine(ann, { language: "en-US" })).toBe("Dear Ann Lee,");
    expect(formatGreetingLine(ann, { language: "da-DK" })).toBe("Kære Ann,");
    expect(formatGreetingLine(ann, { language: "de-DE" })).toBe("Guten Tag Ann Lee,");
    expect(formatGreetingLine({ kind: "person", surname: "Lee" }, { language: "da-DK" })).toBe(
      "Kære Lee,",
    );
  });

  it("a person whose name is not kept in parts is greeted by the whole name", () => {
    expect(formatGreetingLine({ kind: "person", name: "Jens Hansen" }, { language: "da-DK" })).toBe(
      "Kære Jens Hansen,",
    );
  });

  it("no name: the fallback in English and Danish, never 'Dear ,'", () => {
    expect(formatGreetingLine({ kind: "person" }, { language: "en-GB" })).toBe(
      "Dear Sir or Madam,",
    );
    expect(formatGreetingLine({ kind: "person", firstName: "  " }, { language: "da-DK" })).toBe(
      "Kære kunde,",
    );
  });

  it("a company is greeted with the fallback, even with a salutation stored", () => {
    expect(formatGreetingLine({ kind: "company", salutation: "Dear" }, { language: "da-DK" })).toBe(
      "Kære kunde,",
    );
  });

  it("Word's \\e text replaces the language's fallback", () => {
    expect(
      formatGreetingLine(
        { kind: "company" },
        { language: "en-US", fallback: "To whom it may concern:" },
      ),
    ).toBe("To whom it may concern:");
  });

  it("an unknown language falls back to English", () => {
    expect(formatGreetingLine({ kind: "person" }, { language: "fi-FI" })).toBe(
      "Dear Sir or Madam,",
    );
  });
});
