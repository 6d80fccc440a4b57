import { MergeError } from "@shared/merge/merge-error";
import type { MergeJob } from "@shared/model/merge-job";
import { fireEvent, screen } from "@testing-library/react";
import { MergeJobError } from "../../../../addin/features/merge/server-merge";
import { HostCapabilityError } from "../../../../addin/host/host";
import { ActionErrorBar } from "../../../../addin/ui/action-error-bar";
import { englishCatalogIn } from "../english-catalog";
import { createFakeApi } from "../fake-api";
import { renderPane, seriousViolations } from "../render-pane";

const renderBar = (error: unknown, language: string) =>
  renderPane(<ActionErrorBar error={error} />, { fetch: createFakeApi({}).fetch, language });

const barText = () => document.body.textContent ?? "";

const openDetails = () => {
  fireEvent.click(screen.getByRole("button", { name: "Tekniske detaljer" }));
  return screen.getByRole("group", { name: "Tekniske detaljer til support" });
};

describe("an action's failure, in the pane's language", () => {
  it("says a merge with nothing to write in Danish, the merge's English folded away", async () => {
    renderBar(new MergeError("no_records", "there is no record to merge"), "da-DK");
    expect(screen.getByText("Fletningen blev ikke færdig")).toBeTruthy();
    expect(barText()).toContain("Der er intet brev at skrive");
    expect(barText()).not.toContain("there is no record");
    expect(englishCatalogIn(barText())).toEqual([]);
    expect(openDetails().textContent).toContain("there is no record to merge");
    expect(await seriousViolations()).toEqual([]);
  });

  it("says a merge job the server ended without a file in Danish, with the job for support", () => {
    const job = {
      id: "job-0001-abcd",
      status: "failed",
      error: "The merge failed: the converter stopped.",
    } as unknown as MergeJob;
    renderBar(new MergeJobError(job), "da-DK");
    expect(barText()).toContain("Serveren stoppede fletningen, før den lavede en fil.");
    expect(barText()).not.toContain("converter");
    expect(englishCatalogIn(barText())).toEqual([]);
    const details = openDetails();
    expect(details.textContent).toContain("The merge failed: the converter stopped.");
    expect(details.textContent).toContain("job-0001-abcd");
  });

  it("says what only Word can do in Danish, never the operation's internal name", () => {
    renderBar(new HostCapabilityError("insertField"), "da-DK");
    expect(screen.getByText("Ikke muligt her")).toBeTruthy();
    expect(barText()).toContain("Kun Word kan gøre dette");
    expect(barText()).not.toContain("insertField");
    expect(englishCatalogIn(barText())).toEqual([]);
  });

  it("says the same in English from the catalog, not the merge's own words", () => {
    renderBar(new MergeError("output_too_large", "the output would be 2 GB"), "en-US");
    expect(barText()).toContain("The result would be larger than a merge may make.");
    expect(barText()).not.toContain("2 GB");
  });
});
