import { LogProblem } from "@shared/model/logging";
import { fireEvent, screen, within } from "@testing-library/react";
import { LogView } from "../../../../../addin/features/log/log-view";
import { OpenSegmentProvider } from "../../../../../addin/features/segments/open-segment";
import { aSegment, createFakeApi, ok } from "../../fake-api";
import { renderPane, seriousViolations } from "../../render-pane";

/** Log's findings as the server words them (functions/interactions/log-checks.ts). */
const english: Record<LogProblem["rule"], { field: string; message: string; hint: string }> = {
  contact_exists: {
    field: "contactNo",
    message: "contact KT0001 no longer exists",
    hint: "Remove these lines: their contacts were deleted.",
  },
  salesperson_set: {
    field: "salespersonCode",
    message: "no salesperson is set on the line or the segment",
    hint: "Choose a salesperson on the segment or on each of these lines.",
  },
  template_set: {
    field: "interactionTemplateCode",
    message: "no interaction template is set on the line or the segment",
    hint: "Choose an interaction template on the segment (Apply template, updating the lines) or on each line.",
  },
  description_present: {
    field: "description",
    message: "the line has no description",
    hint: "Give the segment a description, or each of these lines its own.",
  },
  email_address: {
    field: "correspondenceType",
    message: "Jens Hansen has no e-mail address but the line is to be sent by e-mail",
    hint: "Give these contacts an e-mail address, or choose another correspondence type on the lines.",
  },
  attachment_exists: {
    field: "attachment",
    message: "the contact's own letter is missing from document storage",
    hint: "Upload these contacts' own letters again, or remove them to use the segment's.",
  },
  fields_unmatched: {
    field: "interactionTemplateCode",
    message:
      'interaction template GAMMEL\'s letter (da-DK) has the field "Fornavn", which is not a Mergeline field: match it (suggested: First Name) or leave it empty (Match Fields)',
    hint: "Match each of these fields of the interaction template's letter to a Mergeline field, or leave it empty (Match Fields on the template's letter), then log.",
  },
};

const rules = LogProblem.shape.rule.options;

/**
 * The check's answer. A rule added to the server later reaches the pane only as a group (the
 * contract's LogProblem names the rules it has; IssueGroup takes any).
 */
const answer = (extra: { rule: string; message: string; hint: string }[] = []) => {
  const problems = rules.map((rule, i) => ({
    lineNo: i + 1,
    contactNo: `KT000${i + 1}`,
    field: english[rule].field,
    rule,
    message: english[rule].message,
  }));
  return {
    lines: problems.length + extra.length,
    problems,
    groups: [
      ...problems.map((p) => ({
        rule: p.rule,
        severity: "error",
        count: 1,
        lines: [{ lineNo: p.lineNo, contactNo: p.contactNo }],
        message: p.message,
        hint: english[p.rule].hint,
      })),
      ...extra.map((e, i) => ({
        rule: e.rule,
        severity: "error",
        count: 1,
        lines: [{ lineNo: 10 + i, contactNo: `KT001${i}` }],
        message: e.message,
        hint: e.hint,
      })),
    ],
  };
};

const renderLog = (body: ReturnType<typeof answer>, language: string) => {
  const fake = createFakeApi({
    getSegment: () => ok(aSegment()),
    checkLog: () => ok(body),
  });
  renderPane(
    <OpenSegmentProvider no="MG0001">
      <LogView />
    </OpenSegmentProvider>,
    { fetch: fake.fetch, language },
  );
};

describe("Log's check in Danish", () => {
  it("says every rule, example and fix in Danish, none of the server's English", async () => {
    const future = {
      rule: "future_rule",
      message: "a rule the pane does not know yet",
      hint: "Do what the server says.",
    };
    renderLog(answer([future]), "da-DK");
    const groups = await screen.findByRole("list", { name: "Problemer efter type" });
    fireEvent.click(screen.getByRole("button", { name: /^Problemer pr\. linje \(\d+\)$/ }));
    const perLine = screen.getByRole("list", { name: "Problemer pr. linje" });
    const shown = `${groups.textContent ?? ""}\n${perLine.textContent ?? ""}`;

    for (const rule of rules) {
      expect(shown).not.toContain(english[rule].message);
      expect(shown).not.toContain(english[rule].hint);
    }
    expect(shown).not.toContain(future.message);
    expect(shown).not.toContain(future.hint);

    expect(within(groups).getByText(/Linjen overholder ikke reglen future_rule\./)).toBeTruthy();
    // The examples come from the rule and the line's own data, in Danish.
    for (const list of [groups, perLine]) {
      expect(within(list).getByText(/Kontakt KT0001 findes ikke længere\./)).toBeTruthy();
      expect(within(list).getByText(/ingen interaktionsskabelon/)).toBeTruthy();
      expect(within(list).getByText(/Linjen har ingen beskrivelse\./)).toBeTruthy();
      const emailLine = `KT000${rules.indexOf("email_address") + 1}`;
      expect(within(list).getByText(new RegExp(`${emailLine} har ingen mailadresse`))).toBeTruthy();
      expect(within(list).getByText(/Linjen og målgruppen har ingen sælger\./)).toBeTruthy();
      expect(within(list).getByText(/Kontaktens eget brev mangler/)).toBeTruthy();
      expect(within(list).getByText(/har felter, der ikke er Mergeline-felter\./)).toBeTruthy();
    }
    // And each fix.
    expect(
      within(groups).getByText(/Fjern disse linjer: deres kontakter er slettet\./),
    ).toBeTruthy();
    expect(within(groups).getByText(/Vælg en interaktionsskabelon/)).toBeTruthy();
    expect(within(groups).getByText(/Giv målgruppen en beskrivelse/)).toBeTruthy();
    expect(within(groups).getByText(/Giv disse kontakter en mailadresse/)).toBeTruthy();
    expect(within(groups).getByText(/Upload disse kontakters egne breve igen/)).toBeTruthy();
    expect(within(groups).getByText(/Tilknyt hvert felt i skabelonens brev/)).toBeTruthy();
    expect(within(groups).getByText(/Ret disse linjer, og kontrollér igen\./)).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  it("keeps the server's own words for a rule the pane does not know, where the pane speaks English", async () => {
    renderLog(
      answer([
        { rule: "future_rule", message: "a rule the pane does not know yet", hint: "Do X." },
      ]),
      "en-US",
    );
    const groups = await screen.findByRole("list", { name: "Problems by kind" });
    expect(within(groups).getByText(/a rule the pane does not know yet/)).toBeTruthy();
    expect(within(groups).getByText(/Fix: Do X\./)).toBeTruthy();
    expect(within(groups).getByText(/Contact KT0001 no longer exists\./)).toBeTruthy();
  });
});
