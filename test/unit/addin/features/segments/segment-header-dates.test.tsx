import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { seriousViolations } from "../../render-pane";
import { renderHeaderForm } from "./render-header-form";

const renderHeader = (language: string, date: string) => renderHeaderForm(language, { date });

describe("SegmentHeaderForm's date in the user's locale", () => {
  it("shows a Danish date the Danish way, takes one typed so and sends ISO", async () => {
    const fake = renderHeader("da-DK", "2026-03-01");
    const date = (await screen.findByLabelText("Dato")) as HTMLInputElement;
    expect(date.type).toBe("text");
    expect(date.value).toBe("01.03.2026");

    fireEvent.change(date, { target: { value: "7.12.2026" } });
    fireEvent.blur(date);
    expect(date.value).toBe("07.12.2026");
    fireEvent.click(screen.getByRole("button", { name: "Gem" }));
    await waitFor(() => expect(fake.callsTo("updateSegment")).toHaveLength(1));
    expect(fake.callsTo("updateSegment")[0]?.body).toEqual({ date: "2026-12-07" });
    // The saved date comes back written the Danish way.
    await waitFor(() => expect(screen.getByText("Gemt.")).toBeTruthy());
    expect(date.value).toBe("07.12.2026");
    expect(await seriousViolations()).toEqual([]);
  });

  it("asks which day an American-looking date means on a Danish pane, naming the field", async () => {
    const fake = renderHeader("da-DK", "2026-03-01");
    const date = await screen.findByLabelText("Dato");
    fireEvent.change(date, { target: { value: "12/07/2026" } });
    fireEvent.click(screen.getByRole("button", { name: "Gem" }));
    expect(
      await screen.findByText(
        'Dato: "12/07/2026" kan læses på to måder. Mente du 12. juli 2026 (12.07.2026) eller 7. december 2026 (07.12.2026)?',
      ),
    ).toBeTruthy();
    fireEvent.change(date, { target: { value: "31.02.2026" } });
    fireEvent.click(screen.getByRole("button", { name: "Gem" }));
    expect(await screen.findByText("Dato: skriv en dato, fx 31.12.2026.")).toBeTruthy();
    expect(fake.callsTo("updateSegment")).toHaveLength(0);
  });

  it("shows and reads an English date the American way", async () => {
    const fake = renderHeader("en-US", "2026-03-01");
    const date = (await screen.findByLabelText("Date")) as HTMLInputElement;
    expect(date.value).toBe("03/01/2026");
    fireEvent.change(date, { target: { value: "12/7/2026" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(fake.callsTo("updateSegment")).toHaveLength(1));
    expect(fake.callsTo("updateSegment")[0]?.body).toEqual({ date: "2026-12-07" });
  });

  it("picks a date from a Danish calendar that starts on Monday", async () => {
    const fake = renderHeader("da-DK", "2026-12-01");
    await screen.findByLabelText("Dato");
    fireEvent.click(screen.getByRole("button", { name: "Vælg Dato i en kalender" }));
    const dialog = await screen.findByRole("dialog", { name: "Dato" });
    // Fluent's grid is named by its month, then the chosen day and today.
    const grid = within(dialog).getByRole("grid", { name: /^december 2026, / });
    const headers = grid.querySelectorAll("th");
    expect(headers[0]?.getAttribute("aria-label")).toBe("mandag");
    // The chosen day's cell has focus and Enter picks the focused day. Arrows are Fluent's
    // (tabster's grid mover, which needs a real layout): the e2e "date boxes" test presses them.
    const cell = (name: string) => screen.getByRole("button", { name }).closest("td");
    await waitFor(() => expect(document.activeElement).toBe(cell("1, december, 2026")));
    cell("7, december, 2026")?.focus();
    fireEvent.keyDown(document.activeElement as Element, { key: "Enter" });
    await waitFor(() => expect(screen.queryByRole("grid")).toBeNull());
    expect((screen.getByLabelText("Dato") as HTMLInputElement).value).toBe("07.12.2026");
    fireEvent.click(await screen.findByRole("button", { name: "Gem" }));
    await waitFor(() => expect(fake.callsTo("updateSegment")).toHaveLength(1));
    expect(fake.callsTo("updateSegment")[0]?.body).toEqual({ date: "2026-12-07" });
  });

  it("keeps text it cannot read when the box is left after a calendar pick", async () => {
    renderHeader("da-DK", "2026-12-01");
    const date = (await screen.findByLabelText("Dato")) as HTMLInputElement;
    fireEvent.click(screen.getByRole("button", { name: "Vælg Dato i en kalender" }));
    const cell = (name: string) => screen.getByRole("button", { name }).closest("td");
    await waitFor(() => expect(document.activeElement).toBe(cell("1, december, 2026")));
    cell("9, december, 2026")?.focus();
    fireEvent.keyDown(document.activeElement as Element, { key: "Enter" });
    await waitFor(() => expect(screen.queryByRole("grid")).toBeNull());
    expect(date.value).toBe("09.12.2026");

    // As a keyboard user types it: one character at a time, then Tab out of the box.
    date.focus();
    const typed = "12/07/2026";
    for (let end = 1; end <= typed.length; end += 1) {
      fireEvent.change(date, { target: { value: typed.slice(0, end) } });
    }
    fireEvent.blur(date);
    expect(date.value).toBe("12/07/2026");
    fireEvent.click(screen.getByRole("button", { name: "Gem" }));
    expect(
      await screen.findByText(
        'Dato: "12/07/2026" kan læses på to måder. Mente du 12. juli 2026 (12.07.2026) eller 7. december 2026 (07.12.2026)?',
      ),
    ).toBeTruthy();
    expect(date.value).toBe("12/07/2026");
  });
});
