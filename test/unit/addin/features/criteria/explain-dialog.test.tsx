import type { CriteriaNode } from "@shared/criteria/criteria-tree";
import type { TypedCondition } from "@shared/model/explained-criteria";
import type { Explanation } from "@shared/model/segment-criteria";
import { act, screen, waitFor, within } from "@testing-library/react";
import { ExplainDialog } from "../../../../../addin/features/criteria/explain-dialog";
import { englishCatalogIn } from "../../english-catalog";
import { aLine, createFakeApi, fieldCatalog, ok } from "../../fake-api";
import { renderPane, seriousViolations, findDialog } from "../../render-pane";

const met = (condition: TypedCondition) => ({
  kind: "condition" as const,
  matched: true,
  condition,
});
const failed = (condition: TypedCondition) => ({
  kind: "condition" as const,
  matched: false,
  condition,
});

const city: TypedCondition = { kind: "field", field: "city", op: "eq", value: "Aarhus C" };
const created: TypedCondition = {
  kind: "field",
  field: "createdAt",
  op: "ge",
  value: "2026-01-31",
};
const staff: TypedCondition = { kind: "field", field: "custom.ansatte", op: "gt", value: 1500 };
const postCode: TypedCondition = { kind: "field", field: "postCode", filter: "8000..8999" };
const recent: TypedCondition = {
  kind: "interactions",
  has: true,
  interactionTemplateCode: "BREV",
  from: "-30D",
};
const mailing: TypedCondition = {
  kind: "list",
  list: "mailingGroups",
  match: "any",
  codes: ["NYHEDSBREV"],
};
const onSegment: TypedCondition = { kind: "segment", in: true, segmentNo: "S1" };
const logged: TypedCondition = { kind: "segment", in: true, loggedSegmentEntryNo: 7 };
const size: TypedCondition = {
  kind: "profile",
  questionnaire: "KUNDE",
  question: "Size",
  op: "eq",
  value: "Big",
};
const filter: CriteriaNode = {
  kind: "and",
  items: [
    city,
    created,
    staff,
    postCode,
    recent,
    { kind: "or", items: [mailing, logged] },
    { kind: "not", item: onSegment },
    size,
  ],
};

const explanation = (reasons: Explanation["reasons"], stillMatches: boolean): Explanation => ({
  lineNo: 1,
  contactNo: "KT0001",
  via: "criteria",
  action: {
    segmentNo: "MG0001",
    no: 2,
    kind: "addContacts",
    filter,
    options: {
      allowExistingContacts: false,
      expandCompanies: false,
      allowRelatedCompanies: false,
      ignoreExclusion: false,
      entireCompanies: false,
    },
    // The server's own English line: the pane words the tree itself instead.
    description: 'Add Contacts: city = "aarhus c" and createdAt >= 2026-01-31',
    evaluatedOn: "2026-03-01",
    linesAdded: 1,
    linesRemoved: 0,
    status: "applied",
    createdAt: "2026-03-01T10:00:00Z",
    createdBy: "demo",
  },
  ...(reasons ? { reasons } : {}),
  stillMatches,
  evaluatedOn: "2026-03-15",
});

const matchedReasons: Explanation["reasons"] = {
  kind: "and",
  matched: true,
  items: [
    met(city),
    met(created),
    met(staff),
    met(postCode),
    met(recent),
    { kind: "or", matched: true, items: [met(mailing)] },
    { kind: "not", matched: true, item: failed(onSegment) },
    met(size),
  ],
};

const renderExplain = async (answer: Explanation, language: string) => {
  const fake = createFakeApi({
    listCriteriaFields: () => ok(fieldCatalog()),
    explainLine: () => ok(answer),
  });
  renderPane(<ExplainDialog line={aLine()} onClose={() => undefined} />, {
    fetch: fake.fetch,
    language,
  });
};

/** The dialog's items, once the catalog's labels are in (the first reads "By", not "city"). */
const reasonLines = async (firstLine: string) => {
  const dialog = await findDialog();
  await dialog.findByText(firstLine);
  return {
    dialog,
    lines: within(dialog.element)
      .getAllByRole("listitem", { hidden: true })
      .map((li) => li.firstChild?.textContent ?? ""),
  };
};

/** What the server used to send, and the API's own names: none of it may show. */
const SERVER_ENGLISH = /city =|aarhus c"|createdAt|postCode|Matched|on segment|interactions \(/;

describe("ExplainDialog: the reasons in the pane's language", () => {
  it("words every kind of reason in Danish with the builder's labels, values as typed in Danish form", async () => {
    await renderExplain(explanation(matchedReasons, true), "da-DK");
    const { dialog, lines } = await reasonLines('By er "Aarhus C"');
    expect(lines).toEqual([
      'By er "Aarhus C"',
      // A date in Danish form, a number with Danish thousands separators.
      "Oprettet mindst 31. jan. 2026",
      "custom.ansatte større end 1.500",
      // A filter string and a relative date as the marketer typed them.
      "Postnr. passer til filter 8000..8999",
      "Med interaktioner (Skabelon BREV, Fra dato -30D)",
      "Mindst én af disse:",
      "Mailgrupper: en af NYHEDSBREV",
      "ikke (På målgruppe S1)",
      "Profil: Size er Big",
    ]);
    expect(dialog.getByText("Opfyldte:")).toBeTruthy();
    expect(
      dialog.getByText(
        'Handling 2: Tilføj kontakter By er "Aarhus C" og Oprettet mindst 31. jan. 2026 og custom.ansatte større end 1.500 og Postnr. passer til filter 8000..8999 og Med interaktioner (Skabelon BREV, Fra dato -30D) og (Mailgrupper: en af NYHEDSBREV eller Blandt kontakterne i logført målgruppe 7) og ikke (På målgruppe S1) og Profil: Size er Big',
      ),
    ).toBeTruthy();
    const text = dialog.element.textContent ?? "";
    expect(englishCatalogIn(text)).toEqual([]);
    expect(text).not.toMatch(SERVER_ENGLISH);
    expect(await seriousViolations()).toEqual([]);
  });

  it("says what fails today, and marks the part a NOT turned round", async () => {
    await renderExplain(
      explanation(
        {
          kind: "and",
          matched: false,
          items: [
            failed(city),
            { kind: "or", matched: false, items: [failed(mailing), failed(logged)] },
            {
              kind: "not",
              matched: false,
              item: { kind: "and", matched: true, items: [met(size)] },
            },
          ],
        },
        false,
      ),
      "da-DK",
    );
    const { dialog, lines } = await reasonLines('By er "Aarhus C"');
    expect(dialog.getByText("Ikke opfyldt i dag:")).toBeTruthy();
    expect(dialog.getByText("Opfylder ikke længere kriterierne")).toBeTruthy();
    expect(lines).toEqual([
      'By er "Aarhus C"',
      "Mindst én af disse:",
      "Mailgrupper: en af NYHEDSBREV",
      "Blandt kontakterne i logført målgruppe 7",
      "Ikke følgende:",
      "Alle disse: (opfyldt)",
      "Profil: Size er Big (opfyldt)",
    ]);
    const text = dialog.element.textContent ?? "";
    expect(englishCatalogIn(text)).toEqual([]);
    expect(text).not.toMatch(SERVER_ENGLISH);
  });

  it("reads the same reasons in English, values in the English form", async () => {
    await renderExplain(explanation(matchedReasons, true), "en-US");
    const { lines } = await reasonLines('City is "Aarhus C"');
    expect(lines.slice(0, 3)).toEqual([
      'City is "Aarhus C"',
      "Created at least Jan 31, 2026",
      "custom.ansatte greater than 1,500",
    ]);
    expect(screen.getByText("Matched:")).toBeTruthy();
  });

  it("waits for the field labels rather than showing the fields' raw names first", async () => {
    let catalogIn: () => void = () => undefined;
    const fake = createFakeApi({
      listCriteriaFields: async () => {
        await new Promise<void>((resolve) => (catalogIn = resolve));
        return ok(fieldCatalog());
      },
      explainLine: () => ok(explanation(matchedReasons, true)),
    });
    renderPane(<ExplainDialog line={aLine()} onClose={() => undefined} />, {
      fetch: fake.fetch,
      language: "da-DK",
    });
    const dialog = await findDialog();
    await waitFor(() => expect(fake.callsTo("explainLine")).toHaveLength(1));
    // The explanation is in; the labels are not: still looking it up, no "city er".
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(dialog.getByText("Slår op…")).toBeTruthy();
    expect(dialog.element.textContent).not.toMatch(/city|createdAt|postCode/);
    catalogIn();
    expect(await dialog.findByText('By er "Aarhus C"')).toBeTruthy();
  });

  it("shows no reasons where the server has none (added by hand)", async () => {
    await renderExplain({ ...explanation(undefined, true), via: "manual" }, "da-DK");
    const dialog = await findDialog();
    await dialog.findByText("Kontakten blev tilføjet manuelt.");
    expect(dialog.queryByRole("list")).toBeNull();
  });
});
