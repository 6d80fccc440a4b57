import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { CriteriaBuilder } from "../../../../../addin/features/criteria/criteria-builder";
import { createFakeApi, fieldCatalog, ok, problem, type FakeCall } from "../../fake-api";
import { renderPane, seriousViolations } from "../../render-pane";

const outcome = (added: number, dryRun: boolean) => ({
  dryRun,
  linesAdded: added,
  linesRemoved: 0,
  noOfLines: added,
});

const pick = async (name: string, option: string) => {
  fireEvent.click(screen.getByRole("combobox", { name }));
  fireEvent.click(await screen.findByRole("option", { name: option }));
};

const operatorsShown = async (n: number): Promise<string[]> => {
  fireEvent.click(screen.getByRole("combobox", { name: `Operator of condition ${n}` }));
  const listbox = await screen.findByRole("listbox");
  const names = within(listbox)
    .getAllByRole("option")
    .map((o) => o.textContent ?? "");
  fireEvent.keyDown(screen.getByRole("combobox", { name: `Operator of condition ${n}` }), {
    key: "Escape",
  });
  return names;
};

const setup = (add: (call: FakeCall) => ReturnType<typeof ok>) => {
  const fake = createFakeApi({
    listCriteriaFields: () => ok(fieldCatalog()),
    suggestFieldValues: () => ok({ items: [{ value: "Aarhus C", count: 40 }] }),
    addContacts: add,
  });
  const onApplied = jest.fn();
  renderPane(
    <CriteriaBuilder
      kind="addContacts"
      segmentNo="MG0001"
      onApplied={onApplied}
      onCancel={() => undefined}
    />,
    { fetch: fake.fetch },
  );
  return { fake, onApplied };
};

describe("CriteriaBuilder", () => {
  it("offers the operators that fit the field's type", async () => {
    setup((call) => ok(outcome(3, (call.body as { dryRun: boolean }).dryRun)));
    await waitFor(() =>
      expect(screen.getByRole("combobox", { name: "Field of condition 1" })).toBeTruthy(),
    );

    await pick("Field of condition 1", "City");
    const text = await operatorsShown(1);
    expect(text).toEqual(
      expect.arrayContaining(["contains", "starts with", "between", "matches filter"]),
    );

    await pick("Field of condition 1", "Exclude from Segments");
    expect(await operatorsShown(1)).toEqual(["is", "is not", "matches filter"]);

    await pick("Field of condition 1", "Type");
    const enumOps = await operatorsShown(1);
    expect(enumOps).toContain("is one of");
    expect(enumOps).not.toContain("contains");
    expect(enumOps).not.toContain("less than");
  });

  it("asks for a live count as a dry run while the user edits, shows it, then applies", async () => {
    const { fake, onApplied } = setup((call) => {
      const body = call.body as { dryRun?: boolean; filter: { items: unknown[] } };
      return ok(outcome(body.filter.items.length === 1 ? 42 : 7, body.dryRun === true));
    });
    await waitFor(() =>
      expect(screen.getByRole("combobox", { name: "Field of condition 1" })).toBeTruthy(),
    );
    // No condition yet: every contact, counted like any other criteria.
    expect(await screen.findByText("42 contacts would be added")).toBeTruthy();

    await pick("Field of condition 1", "City");
    fireEvent.change(screen.getByRole("combobox", { name: "Value of condition 1" }), {
      target: { value: "Aarhus C" },
    });
    const aarhus = JSON.stringify({
      kind: "and",
      items: [{ kind: "field", field: "city", op: "eq", value: "Aarhus C" }],
    });
    const filterOf = (c: { body: unknown }) =>
      JSON.stringify((c.body as { filter: unknown }).filter);
    await waitFor(() =>
      expect(fake.callsTo("addContacts").some((c) => filterOf(c) === aarhus)).toBe(true),
    );
    expect(fake.callsTo("addContacts").every((c) => (c.body as { dryRun: boolean }).dryRun)).toBe(
      true,
    );
    expect(await screen.findByText("42 contacts would be added")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toContain("42 contacts would be added");

    fireEvent.click(screen.getByRole("checkbox", { name: "Expand Companies" }));
    fireEvent.click(screen.getByRole("button", { name: "Apply" }));
    await waitFor(() => expect(onApplied).toHaveBeenCalled());
    const applies = fake
      .callsTo("addContacts")
      .filter((c) => (c.body as { dryRun?: boolean }).dryRun !== true);
    expect(applies).toHaveLength(1);
    const applied = applies[0]?.body as Record<string, unknown>;
    expect(applied.options).toMatchObject({ expandCompanies: true, allowExistingContacts: false });
    expect(await seriousViolations()).toEqual([]);
  });

  it("shows each problem the API names next to the control it belongs to", async () => {
    setup((call) => {
      const body = call.body as { dryRun?: boolean };
      if (body.dryRun) return ok(outcome(1, true));
      return problem(400, "Invalid request", [
        { in: "body", field: "filter.items.1.value", message: "not a date: 31-02-2026" },
        { in: "body", field: "filter.items.2.codes.0", message: "must be 1-20 upper-case letters" },
      ]);
    });
    await waitFor(() =>
      expect(screen.getByRole("combobox", { name: "Field of condition 1" })).toBeTruthy(),
    );
    await pick("Field of condition 1", "City");
    fireEvent.change(screen.getByRole("combobox", { name: "Value of condition 1" }), {
      target: { value: "Odense" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Add field" }));
    await pick("Field of condition 2", "Created");
    fireEvent.change(screen.getByRole("textbox", { name: "Value of condition 2" }), {
      target: { value: "31-02-2026" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Mailing groups" }));
    fireEvent.change(screen.getByRole("textbox", { name: "Codes" }), { target: { value: "news" } });

    fireEvent.click(screen.getByRole("button", { name: "Apply" }));

    const second = await screen.findByText("not a date: 31-02-2026");
    const row2 = screen.getByRole("group", { name: "Condition 2" });
    expect(row2.contains(second)).toBe(true);
    const value2 = screen.getByRole("textbox", { name: "Value of condition 2" });
    expect(value2.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByRole("group", { name: "Condition 1" }).textContent).not.toContain(
      "not a date",
    );
    const codes = screen.getByRole("textbox", { name: "Codes" });
    expect(codes.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("must be 1-20 upper-case letters")).toBeTruthy();
    expect(screen.getByText("See the marked fields.")).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });
});
