import { fireEvent, screen, waitFor } from "@testing-library/react";
import { seriousViolations } from "../../render-pane";
import { renderHeaderForm } from "./render-header-form";

const renderHeader = (language: string, unitCost: number) =>
  renderHeaderForm(language, { unitCost, unitDuration: 7.5 });

describe("SegmentHeaderForm's number boxes in the user's locale", () => {
  it("shows Danish decimals with a comma and sends the plain number", async () => {
    const fake = renderHeader("da-DK", 12.5);
    const cost = (await screen.findByLabelText("Omkostning (RV)")) as HTMLInputElement;
    expect(cost.value).toBe("12,5");
    expect((screen.getByLabelText("Varighed (min.)") as HTMLInputElement).value).toBe("7,5");

    fireEvent.change(cost, { target: { value: "1.234,50" } });
    fireEvent.click(screen.getByRole("button", { name: "Gem" }));
    await waitFor(() => expect(fake.callsTo("updateSegment")).toHaveLength(1));
    expect(fake.callsTo("updateSegment")[0]?.body).toEqual({ unitCost: 1234.5 });
    // The saved number comes back written the Danish way.
    await waitFor(() => expect(cost.value).toBe("1.234,5"));
    expect(await seriousViolations()).toEqual([]);
  });

  it("refuses an English-looking decimal on a Danish pane, naming the field, and sends nothing", async () => {
    const fake = renderHeader("da-DK", 0);
    const cost = await screen.findByLabelText("Omkostning (RV)");
    fireEvent.change(cost, { target: { value: "12.5" } });
    fireEvent.click(screen.getByRole("button", { name: "Gem" }));
    expect(
      await screen.findByText(
        'Omkostning (RV): "12.5" kan læses på to måder. Mente du 12,5? Her står decimaler efter ",", og "." adskiller tusinder.',
      ),
    ).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Varighed (min.)"), { target: { value: "ti" } });
    fireEvent.click(screen.getByRole("button", { name: "Gem" }));
    expect(await screen.findByText("Varighed (min.): skriv et tal, fx 1.234,50.")).toBeTruthy();
    expect(fake.callsTo("updateSegment")).toHaveLength(0);
  });

  it("reads and writes English numbers with a point, grouping with commas on leaving the box", async () => {
    const fake = renderHeader("en-US", 12.5);
    const cost = (await screen.findByLabelText("Cost (LCY)")) as HTMLInputElement;
    expect(cost.value).toBe("12.5");
    fireEvent.change(cost, { target: { value: "2500.75" } });
    fireEvent.blur(cost);
    expect(cost.value).toBe("2,500.75");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(fake.callsTo("updateSegment")).toHaveLength(1));
    expect(fake.callsTo("updateSegment")[0]?.body).toEqual({ unitCost: 2500.75 });
  });
});
