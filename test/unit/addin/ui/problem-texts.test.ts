import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Problem } from "@shared/model/problem";
import { localizeProblem } from "../../../../addin/ui/problem-texts";
import { englishCatalogIn } from "../english-catalog";
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

  it("says a problem without fields in a Danish sentence by its type, and in English as the server did", () => {
    const conflict: Problem = {
      type: "https://mergeline.dev/problems/conflict",
      title: "Conflict",
      status: 409,
      detail: "Segment MG-1 is being logged.",
    };
    const shown = localizeProblem("da")(conflict);
    expect(shown.title).toBe("Det kan ikke lade sig gøre nu");
    expect(shown.detail).toBe(
      "Det kan ikke lade sig gøre i den nuværende tilstand, fx mens der sker noget andet med det. Opdater, og prøv igen om et øjeblik.",
    );
    expect(localizeProblem("en-US")(conflict)).toEqual(conflict);
  });
});

/**
 * Every problem type functions/ answers, read from the calls that write one: problemResponse(
 * status, slug, ...) and writeRawProblem(socket, status, slug, ...), a slug literal or a choice
 * of literals. A new type without its Danish sentence fails here.
 */
const emittedTypes = (): { slug: string; status: number }[] => {
  const files = readdirSync(join(__dirname, "../../../../functions"), { recursive: true })
    .map(String)
    .filter((file) => file.endsWith(".ts"));
  const found = new Map<string, number>();
  for (const file of files) {
    const source = readFileSync(join(__dirname, "../../../../functions", file), "utf8");
    for (const call of source.matchAll(/\b(problemResponse|writeRawProblem)\(/g)) {
      // The arguments up to the title: two for problemResponse, three for writeRawProblem.
      const commas = call[1] === "writeRawProblem" ? 3 : 2;
      let depth = 0;
      let seen = 0;
      let end = (call.index ?? 0) + call[0].length;
      for (; end < source.length && seen < commas; end++) {
        const c = source[end];
        if (c === "(" || c === "[" || c === "{") depth++;
        else if (c === ")" || c === "]" || c === "}") depth--;
        else if (c === "," && depth === 0) seen++;
        if (depth < 0) break;
      }
      const args = source.slice((call.index ?? 0) + call[0].length, end);
      const status = Number(/\b([1-5]\d\d)\b/.exec(args)?.[1] ?? 500);
      for (const [, slug = ""] of args.matchAll(/"([a-z][a-z-]*)"/g)) {
        if (!found.has(slug)) found.set(slug, status);
      }
    }
  }
  return [...found].map(([slug, status]) => ({ slug, status }));
};

describe("a problem without fields, in Danish", () => {
  const types = emittedTypes();
  const general = localizeProblem("da-DK")({ type: "x/y", title: "Y", status: 400 });
  const refused = localizeProblem("da-DK")({ type: "x/y", title: "Y", status: 400, errors: [] });

  it("reads the types from the server's source", () => {
    expect(types.map((type) => type.slug)).toEqual(
      expect.arrayContaining([
        "validation",
        "not-found",
        "stale-etag",
        "partial-write",
        "internal",
        "letter-too-large",
        "not-a-word-document",
        "merge-not-possible",
        "no-route",
        "headers-too-large",
        "too-many-requests",
      ]),
    );
  });

  it.each(emittedTypes())(
    "$slug ($status): a Danish title and a sentence of its own, no English",
    ({ slug, status }) => {
      const sent: Problem = {
        type: `https://mergeline.dev/problems/${slug}`,
        title: "Something in English",
        status,
        detail: "Segment S10 was not found.",
      };
      const shown = localizeProblem("da-DK")(sent);
      expect(shown.detail).toBeDefined();
      expect(shown.detail).not.toBe(general.detail);
      expect(shown.title).not.toBe(refused.title);
      expect(englishCatalogIn(`${shown.title}\n${shown.detail}`)).toEqual([]);
      expect(JSON.stringify(shown)).not.toMatch(/Segment S10|Something in English/);
      // What the pane routes by stays as the server sent it.
      expect(shown).toMatchObject({ type: sent.type, status });
      expect(localizeProblem("en-US")(sent)).toEqual(sent);
    },
  );

  it("names the reference support finds our own failure by, when the problem has one", () => {
    const internal = (instance?: string): Problem => ({
      type: "https://mergeline.dev/problems/internal",
      title: "Something went wrong on our side",
      status: 500,
      detail: "The error was logged. Try again; if it persists, contact your administrator.",
      ...(instance ? { instance } : {}),
    });
    expect(localizeProblem("da-DK")(internal("7f3c9e2a-41d0")).detail).toBe(
      "Noget gik galt på serveren. Prøv igen; sker det igen, så kontakt din administrator, og oplys referencen 7f3c9e2a-41d0.",
    );
    expect(localizeProblem("da-DK")(internal()).detail).toBe(
      "Noget gik galt på serveren. Prøv igen; sker det igen, så kontakt din administrator.",
    );
    expect(localizeProblem("en-US")(internal("7f3c9e2a-41d0"))).toEqual(internal("7f3c9e2a-41d0"));
  });

  it("says a type it does not know by its status, in Danish", () => {
    const unknown = (status: number) =>
      localizeProblem("da-DK")({
        type: "https://mergeline.dev/problems/newer-kind",
        title: "A newer server's problem",
        status,
        detail: "Something a newer server says.",
        instance: "ref-1",
      });
    expect(unknown(422)).toMatchObject({
      title: "API'et afviste forespørgslen",
      detail:
        "Serveren kunne ikke gøre dette. Tjek det, du har indtastet, og prøv igen; sker det igen, så kontakt din administrator.",
    });
    expect(unknown(503).detail).toMatch(/^Noget gik galt på serveren\..*referencen ref-1\.$/);
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
