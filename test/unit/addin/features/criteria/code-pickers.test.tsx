import { Accordion } from "@fluentui/react-components";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { useState } from "react";
import { MembershipSection } from "../../../../../addin/features/criteria/membership-section";
import { ProfileSection } from "../../../../../addin/features/criteria/profile-section";
import {
  buildRequest,
  emptyBuilder,
  type MembershipRow,
  type ProfileRow,
} from "../../../../../addin/features/criteria/builder-model";
import { aSegment, createFakeApi, ok, problem, stamp, type FakeHandler } from "../../fake-api";
import { renderPane, seriousViolations } from "../../render-pane";

const customer = {
  ...stamp,
  code: "CUSTOMER",
  description: "Customer profile",
  descriptionDa: "Kundeprofil",
  contactType: "any",
  questions: [
    {
      description: "Company size",
      descriptionDa: "Virksomhedsstørrelse",
      multipleAnswers: false,
      answers: [
        { description: "Small", descriptionDa: "Lille" },
        { description: "Large", descriptionDa: "Stor" },
      ],
    },
    { description: "Newsletter", descriptionDa: "Nyhedsbrev", multipleAnswers: false, answers: [] },
  ],
};

const questionnaires: FakeHandler = (call) =>
  ok({
    items: [customer].filter(
      (q) => !call.query.search || q.code.includes(call.query.search.toUpperCase()),
    ),
  });
const questionnaire: FakeHandler = (call) =>
  call.params.code === "CUSTOMER" ? ok(customer) : problem(404, "Not found");

const segments: FakeHandler = (call) =>
  ok({
    items: [
      aSegment({ no: "SPRING", description: "Spring letter" }),
      aSegment({ no: "SUMMER", description: "Summer fair" }),
    ].filter((s) => !call.query.search || s.no.startsWith(call.query.search.toUpperCase())),
  });

const box = (name: string | RegExp) => screen.getByRole("combobox", { name });

/**
 * Type into the box, then pick the option wanted among the suggestions. jsdom has no layout
 * for Fluent's active option, so it is clicked here; test/e2e/pickers.test.ts picks with the
 * keyboard in Chromium.
 */
const typeAndPick = async (name: string | RegExp, typed: string, option: string | RegExp) => {
  const input = box(name);
  act(() => input.focus());
  fireEvent.change(input, { target: { value: typed } });
  fireEvent.click(await screen.findByRole("option", { name: option }));
};

/** Ticks an answer as a keyboard user does: type, arrow down to it, Enter. */
const tick = async (typed: string, option: string) => {
  const input = box("Answers");
  act(() => input.focus());
  fireEvent.change(input, { target: { value: typed } });
  fireEvent.keyDown(input, { key: "ArrowDown" });
  await screen.findByRole("option", { name: option });
  fireEvent.keyDown(input, { key: "Enter" });
  await waitFor(() => expect(screen.queryByRole("option", { name: option })).toBeNull());
};

// Fluent's Combobox renders slowly in jsdom on a shared 2-core machine: a pick of three boxes
// and an axe run took close to jest's 60 s there. A bound on a stuck test, not on speed.
jest.setTimeout(180_000);

describe("the criteria builder's code pickers", () => {
  it("builds a Profile criterion from the questionnaire's own questions and several answers", async () => {
    const fake = createFakeApi({
      listProfileQuestionnaires: questionnaires,
      getProfileQuestionnaire: questionnaire,
    });
    let current: readonly ProfileRow[] = [
      { id: "p1", questionnaire: "", question: "", answers: [] },
    ];
    const Section = () => {
      const [rows, setRows] = useState(current);
      current = rows;
      return (
        <Accordion openItems={["profile"]}>
          <ProfileSection rows={rows} errors={undefined} onChange={setRows} />
        </Accordion>
      );
    };
    renderPane(<Section />, { fetch: fake.fetch });

    // The question waits for a questionnaire: its list is that questionnaire's lines.
    expect(box("Question").hasAttribute("disabled")).toBe(true);
    await typeAndPick("Questionnaire", "cust", "CUSTOMER – Customer profile");
    expect(fake.callsTo("listProfileQuestionnaires").some((c) => c.query.search === "cust")).toBe(
      true,
    );
    await typeAndPick("Question", "size", "Company size");
    // Several answers of the question, ticked one after the other: any of them matches.
    await tick("lar", "Large");
    await tick("", "Small");
    expect(current).toEqual([
      {
        id: "p1",
        questionnaire: "CUSTOMER",
        question: "Company size",
        answers: ["Large", "Small"],
      },
    ]);
    const group = screen.getByRole("listbox", { name: "Answers ticked" });
    expect(
      within(group)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Large", "Small"]);
    const built = (rows: readonly ProfileRow[]) =>
      buildRequest(
        { ...emptyBuilder(), fields: [], profile: rows },
        "addContacts",
        () => undefined,
        {
          complete: true,
        },
      ).filter;
    expect(built(current)).toEqual({
      kind: "and",
      items: [
        {
          kind: "profile",
          questionnaire: "CUSTOMER",
          question: "Company size",
          op: "in",
          values: ["Large", "Small"],
        },
      ],
    });
    // One answer is sent as before several could be ticked.
    const one: ProfileRow = {
      id: "p1",
      questionnaire: "CUSTOMER",
      question: "Company size",
      answers: ["Large"],
    };
    expect(built([one])).toEqual({
      kind: "and",
      items: [
        {
          kind: "profile",
          questionnaire: "CUSTOMER",
          question: "Company size",
          op: "eq",
          value: "Large",
        },
      ],
    });
    // Backspace on a ticked answer unticks it.
    const tag = within(group).getByText("Large").closest("button, [role=option]");
    act(() => (tag as HTMLElement).focus());
    fireEvent.keyDown(tag as HTMLElement, { key: "Backspace" });
    await waitFor(() => expect(current[0]?.answers).toEqual(["Small"]));
    expect(await seriousViolations()).toEqual([]);
  });

  it("leaves a profile row out of the live count until its answer is picked", () => {
    const unanswered: ProfileRow = {
      id: "p1",
      questionnaire: "CUSTOMER",
      question: "Company size",
      answers: [],
    };
    const built = buildRequest(
      { ...emptyBuilder(), fields: [], profile: [unanswered] },
      "addContacts",
      () => undefined,
      { complete: true },
    );
    // No answer yet is not "contacts who answered nothing", which the API refuses (422).
    expect(built.everyone).toBe(true);
  });

  it("shows the Danish question beside the English one a contact carries, on a Danish pane", async () => {
    const fake = createFakeApi({
      listProfileQuestionnaires: questionnaires,
      getProfileQuestionnaire: questionnaire,
    });
    const rows: ProfileRow[] = [
      { id: "p1", questionnaire: "CUSTOMER", question: "Company size", answers: [] },
    ];
    renderPane(
      <Accordion openItems={["profile"]}>
        <ProfileSection rows={rows} errors={undefined} onChange={() => undefined} />
      </Accordion>,
      { fetch: fake.fetch, language: "da-DK" },
    );
    await waitFor(() =>
      expect((box("Spørgsmål") as HTMLInputElement).value).toBe(
        "Company size – Virksomhedsstørrelse",
      ),
    );
    expect((box("Spørgeskema") as HTMLInputElement).value).toBe("CUSTOMER – Kundeprofil");
  });

  it("keeps a ticked answer the question no longer has, marked as such, beside the others", async () => {
    const fake = createFakeApi({
      listProfileQuestionnaires: questionnaires,
      getProfileQuestionnaire: questionnaire,
    });
    const rows: ProfileRow[] = [
      { id: "p1", questionnaire: "CUSTOMER", question: "Company size", answers: ["Large", "Huge"] },
    ];
    renderPane(
      <Accordion openItems={["profile"]}>
        <ProfileSection rows={rows} errors={undefined} onChange={() => undefined} />
      </Accordion>,
      { fetch: fake.fetch },
    );
    const group = await screen.findByRole("listbox", { name: "Answers ticked" });
    await within(group).findByText("Huge (no longer exists)");
    expect(within(group).getByText("Large")).toBeTruthy();
    expect(
      await screen.findByText(
        "The answer “Huge” is no longer an answer to the question: pick another.",
      ),
    ).toBeTruthy();
  });

  it("keeps a questionnaire that no longer exists, marked as such, instead of clearing it", async () => {
    const fake = createFakeApi({
      listProfileQuestionnaires: questionnaires,
      getProfileQuestionnaire: questionnaire,
    });
    const onChange = jest.fn();
    const rows: ProfileRow[] = [{ id: "p1", questionnaire: "GONE", question: "Q", answers: ["A"] }];
    renderPane(
      <Accordion openItems={["profile"]}>
        <ProfileSection rows={rows} errors={undefined} onChange={onChange} />
      </Accordion>,
      { fetch: fake.fetch },
    );
    expect(
      await screen.findByText(
        "Questionnaire GONE no longer exists: pick another or remove the row.",
      ),
    ).toBeTruthy();
    expect((box("Questionnaire") as HTMLInputElement).value).toBe("GONE (no longer exists)");
    expect(onChange).not.toHaveBeenCalled();
  });

  it("picks a segment for a membership from the tenant's segments as the user types", async () => {
    const fake = createFakeApi({ listSegments: segments });
    const onChange = jest.fn();
    const rows: MembershipRow[] = [{ id: "m1", in: true, target: "segment", value: "" }];
    renderPane(
      <Accordion openItems={["membership"]}>
        <MembershipSection rows={rows} errors={undefined} onChange={onChange} />
      </Accordion>,
      { fetch: fake.fetch },
    );
    await typeAndPick("Segment No. or entry No., membership 1", "su", "SUMMER – Summer fair");
    expect(fake.callsTo("listSegments").some((c) => c.query.search === "su")).toBe(true);
    const change = onChange.mock.calls.at(-1)?.[0] as (r: MembershipRow[]) => MembershipRow[];
    expect(change(rows)).toEqual([{ ...rows[0], value: "SUMMER" }]);
  });

  it("says when nothing matches, and when the list could not be loaded", async () => {
    let fail = false;
    const fake = createFakeApi({
      listSegments: (call) => (fail ? problem(500, "Boom") : segments(call)),
    });
    const rows: MembershipRow[] = [{ id: "m1", in: true, target: "segment", value: "" }];
    renderPane(
      <Accordion openItems={["membership"]}>
        <MembershipSection rows={rows} errors={undefined} onChange={() => undefined} />
      </Accordion>,
      { fetch: fake.fetch },
    );
    const input = box("Segment No. or entry No., membership 1");
    fireEvent.change(input, { target: { value: "zz" } });
    const listbox = await screen.findByRole("listbox");
    await within(listbox).findByText("Nothing matches “zz”.");
    fail = true;
    fireEvent.change(input, { target: { value: "zzz" } });
    await within(listbox).findByText("The list could not be loaded. Close it and try again.");
  });

  it("lists logged segments by entry No. with the segment they logged, and marks a deleted one", async () => {
    const logged = {
      entryNo: 7,
      segmentNo: "SPRING",
      description: "Spring letter",
      createdAt: "2026-03-02T10:00:00Z",
      userId: "demo",
      noOfInteractions: 12,
      noOfCampaignEntries: 0,
      canceled: false,
      etag: '"1"',
    };
    const fake = createFakeApi({
      listLoggedSegments: (call) =>
        ok({ items: !call.query.search || call.query.search === "7" ? [logged] : [] }),
    });
    const rows: MembershipRow[] = [
      { id: "m1", in: true, target: "logged", value: "" },
      { id: "m2", in: false, target: "logged", value: "99" },
    ];
    renderPane(
      <Accordion openItems={["membership"]}>
        <MembershipSection rows={rows} errors={undefined} onChange={() => undefined} />
      </Accordion>,
      { fetch: fake.fetch, language: "da-DK" },
    );
    const input = box("Målgruppenr. eller løbenr., medlemskab 1");
    fireEvent.change(input, { target: { value: "7" } });
    expect(await screen.findByRole("option", { name: "7 – SPRING Spring letter" })).toBeTruthy();
    expect(
      await screen.findByText(
        "Logført målgruppe 99 findes ikke længere: vælg en anden, eller fjern rækken.",
      ),
    ).toBeTruthy();
  });
});
