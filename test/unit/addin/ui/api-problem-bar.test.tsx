import { Problem } from "@shared/model/problem";
import type { SegmentBusy } from "@shared/model/segment-busy";
import { fireEvent, screen } from "@testing-library/react";
import { ApiError } from "../../../../addin/api/errors";
import { ApiProblemBar } from "../../../../addin/ui/api-problem-bar";
import { englishCatalogIn } from "../english-catalog";
import { createFakeApi, segmentBusy } from "../fake-api";
import { renderPane, seriousViolations } from "../render-pane";

/** A moment of today on the user's clock (today's times show without a date). */
const today = (hour: number, minute: number) => {
  const moment = new Date();
  moment.setHours(hour, minute, 11, 123);
  return moment.toISOString();
};
const facts = (over: Partial<SegmentBusy> = {}): SegmentBusy => ({
  holder: "Alice Jensen",
  byYou: false,
  operation: "addContacts",
  since: today(12, 2),
  leaseUntil: today(12, 4),
  ...over,
});
/** The 409 as the API client hands it on: read through the contract, not yet localized. */
const refusal = (busy?: SegmentBusy) =>
  new ApiError(409, Problem.parse(segmentBusy(busy).body), "addContacts");

const renderBar = (error: unknown, language: string, onRepeat?: () => void) =>
  renderPane(<ApiProblemBar error={error} {...(onRepeat ? { onRepeat } : {})} />, {
    fetch: createFakeApi({}).fetch,
    language,
  });

const iso = /\d{4}-\d\d-\d\dT\d\d:\d\d/;
const barText = () => document.body.textContent ?? "";

describe("the segment is busy, in the problem bar", () => {
  it("says in English who does what and until when, and offers Try again", async () => {
    const repeat = jest.fn();
    renderBar(refusal(facts()), "en-US", repeat);
    expect(screen.getByText("The segment is busy")).toBeTruthy();
    expect(barText()).toMatch(
      /Alice Jensen is adding contacts to this segment \(since 12:02\sPM\)\. Try again after 12:04\sPM\./,
    );
    expect(barText()).not.toMatch(iso);
    expect(barText()).not.toMatch(/lease|is busy:|\bno: /);
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(repeat).toHaveBeenCalledTimes(1);
    expect(await seriousViolations()).toEqual([]);
  });

  it("says it in Danish with Danish times and no English at all", () => {
    renderBar(refusal(facts()), "da-DK", () => undefined);
    expect(screen.getByText("Målgruppen er optaget")).toBeTruthy();
    expect(barText()).toMatch(
      /Alice Jensen er ved at tilføje kontakter til målgruppen \(siden 12\.02\)\. Prøv igen efter 12\.04\./,
    );
    expect(screen.getByRole("button", { name: "Prøv igen" })).toBeTruthy();
    expect(barText()).not.toMatch(iso);
    expect(barText()).not.toMatch(/busy|lease|someone|adding/i);
    expect(englishCatalogIn(barText())).toEqual([]);
  });

  it("tells the user it is their own other window", () => {
    renderBar(refusal(facts({ byYou: true, operation: "log" })), "da-DK");
    expect(barText()).toMatch(/Du er ved at logføre målgruppen i et andet vindue \(siden /);
    // Nothing to repeat where the caller offers nothing.
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("shows the general line for a server older than the facts, in either language", () => {
    const { unmount } = renderBar(refusal(), "en-US");
    expect(barText()).toContain("Someone else is changing the segment: try again in a moment.");
    expect(barText()).not.toMatch(iso);
    unmount();
    renderBar(refusal(), "da-DK");
    expect(barText()).toContain("En anden ændrer målgruppen: prøv igen om et øjeblik.");
    expect(barText()).not.toMatch(iso);
    expect(englishCatalogIn(barText())).toEqual([]);
  });
});
