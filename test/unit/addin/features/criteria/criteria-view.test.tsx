import type { CriteriaAction } from "@shared/model/criteria-action";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { CriteriaView } from "../../../../../addin/features/criteria/criteria-view";
import { OpenSegmentProvider } from "../../../../../addin/features/segments/open-segment";
import { aSegment, createFakeApi, ok, problem } from "../../fake-api";
import { renderPane, seriousViolations, findDialog } from "../../render-pane";

const action = (no: number, overrides: Partial<CriteriaAction> = {}): CriteriaAction => ({
  segmentNo: "MG0001",
  no,
  kind: "addContacts",
  options: {
    allowExistingContacts: false,
    expandCompanies: false,
    allowRelatedCompanies: false,
    ignoreExclusion: false,
    entireCompanies: false,
  },
  description: `City is Aarhus C (${no})`,
  evaluatedOn: "2026-03-01",
  linesAdded: 10 * no,
  linesRemoved: 0,
  status: "applied",
  createdAt: "2026-03-01T10:00:00Z",
  createdBy: "demo",
  ...overrides,
});

describe("CriteriaView", () => {
  it("lists the criteria actions and goes back from the last one seen", async () => {
    let actions = [
      action(1),
      action(2, { kind: "reduceContacts", linesAdded: 0, linesRemoved: 4 }),
    ];
    let etag = 1;
    const fake = createFakeApi({
      getSegment: () => ok(aSegment({ etag: `"${etag}"`, noOfCriteriaActions: actions.length })),
      listCriteriaActions: () => ok({ items: actions }),
      goBack: (call) => {
        const undone = actions.at(-1) as CriteriaAction;
        if ((call.body as { actionNo?: number }).actionNo !== undone.no)
          return problem(409, "Conflict", undefined, "Someone added an action since");
        actions = actions.slice(0, -1);
        etag += 1;
        return ok({ undone, linesDeleted: 0, linesRestored: 4, noOfLines: 10 });
      },
    });
    renderPane(
      <OpenSegmentProvider no="MG0001">
        <CriteriaView />
      </OpenSegmentProvider>,
      { fetch: fake.fetch },
    );

    const list = await screen.findByRole("list", { name: "Criteria actions, oldest first" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(2);
    expect(within(list).getByText("2. Reduce Contacts")).toBeTruthy();
    expect(within(list).getByText("+0 / −4 lines")).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);

    fireEvent.click(screen.getByRole("button", { name: "Go Back (undo action 2)" }));
    expect(await screen.findByText("Undid action 2: 0 lines removed, 4 restored.")).toBeTruthy();
    expect(fake.callsTo("goBack")[0]?.body).toEqual({ actionNo: 2 });
    await waitFor(() => expect(within(list).getAllByRole("listitem")).toHaveLength(1));
    // The header is read again: its counters and etag changed.
    expect(fake.callsTo("getSegment").length).toBeGreaterThan(1);
  });

  it("tells the user when someone else added an action in between", async () => {
    const fake = createFakeApi({
      getSegment: () => ok(aSegment()),
      listCriteriaActions: () => ok({ items: [action(1)] }),
      goBack: () => problem(409, "Conflict", undefined, "Action 2 was added since you looked"),
    });
    renderPane(
      <OpenSegmentProvider no="MG0001">
        <CriteriaView />
      </OpenSegmentProvider>,
      { fetch: fake.fetch },
    );
    fireEvent.click(await screen.findByRole("button", { name: "Go Back (undo action 1)" }));
    expect(await screen.findByText("Action 2 was added since you looked")).toBeTruthy();
  });

  it("asks before reusing criteria on a segment that already has some", async () => {
    const fake = createFakeApi({
      getSegment: () => ok(aSegment({ noOfCriteriaActions: 1 })),
      listCriteriaActions: () => ok({ items: [action(1)] }),
      listSavedCriteria: () =>
        ok({
          items: [
            {
              code: "AARHUS",
              description: "Aarhus customers",
              steps: [
                {
                  kind: "addContacts",
                  filter: { kind: "field", field: "city", op: "eq", value: "Aarhus C" },
                  options: action(1).options,
                  description: "",
                },
              ],
              etag: '"1"',
              createdAt: "2026-01-01T00:00:00Z",
              createdBy: "demo",
              modifiedAt: "2026-01-01T00:00:00Z",
              modifiedBy: "demo",
            },
          ],
        }),
      reuseCriteria: () => ok({ dryRun: false, steps: [], noOfLines: 25 }),
    });
    renderPane(
      <OpenSegmentProvider no="MG0001">
        <CriteriaView />
      </OpenSegmentProvider>,
      { fetch: fake.fetch, language: "da-DK" },
    );
    fireEvent.click(await screen.findByRole("button", { name: "Flere kriteriehandlinger" }));
    fireEvent.click(await screen.findByRole("menuitem", { name: "Genbrug kriterier" }));
    const dialog = await findDialog();
    fireEvent.click(dialog.getByRole("combobox"));
    fireEvent.click(await screen.findByRole("option", { name: /AARHUS/ }));
    fireEvent.click(dialog.getByRole("button", { name: "Genbrug kriterier" }));
    expect(await dialog.findByText(/Målgruppen har allerede kriterier/)).toBeTruthy();
    expect(fake.callsTo("reuseCriteria")).toHaveLength(0);

    fireEvent.click(dialog.getByRole("button", { name: "Ja, genbrug" }));
    expect(
      await screen.findByText("Kriterierne er genbrugt; målgruppen har 25 linjer."),
    ).toBeTruthy();
    expect(fake.callsTo("reuseCriteria")[0]?.body).toEqual({ code: "AARHUS", confirm: true });
  });
});
