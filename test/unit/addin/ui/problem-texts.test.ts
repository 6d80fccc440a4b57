import { Problem } from "@shared/model/problem";
import { localizeProblem } from "../../../../addin/ui/problem-texts";
import { segmentBusy } from "../fake-api";

const refusal: Problem = {
  type: "https://mergeline.dev/problems/validation",
  title: "Invalid request",
  status: 400,
  detail: "The request has invalid fields; see errors.",
  errors: [
    {
      in: "body",
      field: "description",
      rule: "too_big",
      message: "description must be at most 100 characters",
    },
    { in: "body", field: "no", rule: "required", message: "is required" },
    {
      in: "body",
      field: "salespersonCode",
      rule: "did_you_mean",
      message: "JHX is not set up; did you mean JH?",
    },
  ],
};

describe("the server's refusals in the pane's language", () => {
  it("says each field's rule from the Danish catalog, with the server's title and detail replaced", () => {
    const shown = localizeProblem("da-DK")(refusal);
    expect(shown.title).toBe("Nogle værdier kan ikke bruges");
    expect(shown.detail).toBeUndefined();
    expect(shown.errors?.map((e) => e.message)).toEqual([
      "Højst 100 tegn.",
      "Skal udfyldes.",
      "Værdien kan ikke bruges (serverens besked: JHX is not set up; did you mean JH?)",
    ]);
    // What the pane routes by stays as the server sent it.
    expect(shown.errors?.map((e) => [e.field, e.rule])).toEqual(
      refusal.errors?.map((e) => [e.field, e.rule]),
    );
  });

  it("says the bounds in words a marketer knows in English too, and keeps rules it does not know", () => {
    const shown = localizeProblem("en-US")(refusal);
    expect(shown.title).toBe("Invalid request");
    expect(shown.detail).toBe(refusal.detail);
    expect(shown.errors?.map((e) => e.message)).toEqual([
      "At most 100 characters.",
      "Required.",
      "JHX is not set up; did you mean JH?",
    ]);
  });

  it("reads zod's own wording and a limit the server states", () => {
    const t = localizeProblem("en-US");
    const one = (message: string, rule = "too_big", limit?: number) =>
      t({
        type: "x/validation",
        title: "Invalid request",
        status: 400,
        errors: [{ in: "body", field: "code", rule, message, ...(limit ? { limit } : {}) }],
      }).errors?.[0]?.message;
    expect(one("Too big: expected string to have <=20 characters")).toBe("At most 20 characters.");
    expect(one("must have at most 1,000 items")).toBe("At most 1,000 items.");
    expect(one("must be at least 1", "too_small")).toBe("At least 1.");
    expect(one("over the limit", "too_big", 100000)).toBe("At most 100,000.");
  });

  it("keeps the English detail under a Danish title when no field says what is wrong", () => {
    const shown = localizeProblem("da")({
      type: "https://mergeline.dev/problems/conflict",
      title: "Conflict",
      status: 409,
      detail: "Segment MG-1 is being logged.",
    });
    expect(shown.title).toBe("Det kan ikke lade sig gøre nu");
    expect(shown.detail).toBe("Segment MG-1 is being logged.");
  });
});

describe("a busy segment, said by the pane", () => {
  const busy = (facts: boolean): Problem =>
    Problem.parse(
      segmentBusy(
        facts
          ? {
              holder: "Alice Jensen",
              byYou: false,
              operation: "addContacts",
              since: new Date().toISOString(),
              leaseUntil: new Date(Date.now() + 120_000).toISOString(),
            }
          : undefined,
      ).body,
    );
  const iso = /\d{4}-\d\d-\d\dT\d\d:\d\d/;

  it.each([
    ["en-US", "The segment is busy", /^Alice Jensen is adding contacts to this segment \(since /],
    ["da-DK", "Målgruppen er optaget", /^Alice Jensen er ved at tilføje kontakter til målgruppen/],
  ])(
    "in %s: who, doing what, until when; the server's English detail with ISO times is not shown",
    (language, title, said) => {
      const shown = localizeProblem(language)(busy(true));
      expect(shown.title).toBe(title);
      expect(shown.detail).toBeUndefined();
      expect(shown.errors?.[0]?.message).toMatch(said);
      expect(JSON.stringify({ ...shown, errors: shown.errors?.map((e) => e.message) })).not.toMatch(
        iso,
      );
      expect(shown.errors?.[0]).toMatchObject({ field: "no", rule: "segment_busy" });
    },
  );

  it.each([
    ["en-US", "Someone else is changing the segment: try again in a moment."],
    ["da-DK", "En anden ændrer målgruppen: prøv igen om et øjeblik."],
  ])("from a server older than the facts, the general line in %s", (language, line) => {
    const shown = localizeProblem(language)(busy(false));
    expect(shown.detail).toBeUndefined();
    expect(shown.errors?.map((e) => e.message)).toEqual([line]);
  });
});
