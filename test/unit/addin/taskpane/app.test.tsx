import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createApiClient } from "../../../../addin/api/client";
import { createBrowserHost } from "../../../../addin/host/browser";
import { HostProvider } from "../../../../addin/host/host-context";
import { Root } from "../../../../addin/taskpane/root";
import { ViewSlot } from "../../../../addin/taskpane/view-slot";
import { aLine, aSegment, createFakeApi, fieldCatalog, ok } from "../fake-api";
import { BASE_URL, seriousViolations } from "../render-pane";
import {
  drawEarlyList,
  earlyRow,
  removeEarlyList,
} from "../features/segments/first-list/early-list-page";

const api = () =>
  createFakeApi({
    listSegments: () =>
      ok({ items: [aSegment(), aSegment({ no: "MG0002", description: "Autumn" })] }),
    getSegment: (call) => ok(aSegment({ no: call.params.no })),
    listSegmentLines: () =>
      ok({ items: [aLine(), aLine({ lineNo: 2, contactNo: "KT0002", contactName: "Ida Berg" })] }),
    listSalespeople: () => ok({ items: [] }),
    listCampaigns: () => ok({ items: [] }),
    listInteractionTemplates: () => ok({ items: [] }),
    listCriteriaActions: () => ok({ items: [] }),
    listCriteriaFields: () => ok(fieldCatalog()),
  });

const renderRoot = (fetch: typeof globalThis.fetch, language = "en-US") =>
  render(
    <Root
      host={createBrowserHost(language)}
      connection={{ baseUrl: BASE_URL, client: createApiClient({ baseUrl: BASE_URL, fetch }) }}
    />,
  );

describe("the task pane shell", () => {
  it("opens a segment from the list and loads each tab's view when it is first shown", async () => {
    const fake = api();
    renderRoot(fake.fetch);
    fireEvent.click(
      await screen.findByRole("button", { name: "Open segment MG0001 Spring letter" }),
    );

    const tabs = await screen.findByRole("tablist", { name: "Segment" });
    expect(within(tabs).getAllByRole("tab")).toHaveLength(6);
    for (const name of ["Lines", "Criteria", "Letter", "Preview", "Merge", "Log"])
      expect(within(tabs).getByRole("tab", { name })).toBeTruthy();
    expect(within(tabs).getByRole("tab", { name: "Lines" }).getAttribute("aria-selected")).toBe(
      "true",
    );
    expect(await screen.findByText("Ida Berg")).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);

    fireEvent.click(within(tabs).getByRole("tab", { name: "Criteria" }));
    expect(await screen.findByText("No criteria yet. Start with Add Contacts.")).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);

    // Tabs that do not fit the pane are in the "more tabs" menu beside the list (issue 16).
    const log = within(tabs).queryByRole("tab", { name: "Log" });
    if (log) fireEvent.click(log);
    else {
      fireEvent.click(screen.getByRole("button", { name: /more tabs/ }));
      fireEvent.click(await screen.findByRole("menuitem", { name: "Log" }));
    }
    // Log's endpoints answer 501 until they land: a message, not a blank pane.
    expect(await screen.findByText("Not available yet")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Back to segments" }));
    expect(await screen.findByRole("heading", { name: "Segments" })).toBeTruthy();
  });

  describe("a segment chosen in the list drawn before React ran (features/segments/first-list/)", () => {
    const drawFirstList = () =>
      drawEarlyList([aSegment(), aSegment({ no: "MG0002", description: "Autumn" })]);
    afterEach(removeEarlyList);

    it("opens once the pane runs, when it was chosen before", async () => {
      drawFirstList();
      earlyRow("MG0002")?.click();
      const fake = api();
      renderRoot(fake.fetch);

      expect(await screen.findByRole("tablist", { name: "Segment" })).toBeTruthy();
      await waitFor(() =>
        expect(fake.callsTo("getSegment").map((call) => call.params.no)).toContain("MG0002"),
      );
      // The early list is gone, the pane's root shown.
      expect(document.querySelector("main.ml-first")).toBeNull();
      expect(document.body.classList.contains("ml-first-list")).toBe(false);
    });

    it("opens at once when chosen while the pane is already running under it", async () => {
      drawFirstList();
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      const fake = api();
      renderRoot((async (input: RequestInfo | URL, init?: RequestInit) => {
        if (String(input).includes("/segments?")) await held;
        return fake.fetch(input, init);
      }) as typeof globalThis.fetch);
      // The pane's own list is still loading: the early one is what the user sees and uses.
      await waitFor(() => expect(fake.callsTo("listSegments")).toHaveLength(0));
      earlyRow("MG0001")?.click();

      expect(await screen.findByRole("tablist", { name: "Segment" })).toBeTruthy();
      await waitFor(() =>
        expect(fake.callsTo("getSegment").map((call) => call.params.no)).toContain("MG0001"),
      );
      expect(document.querySelector("main.ml-first")).toBeNull();
      release();
    });
  });

  it("shows the logged segments, or that they are not available yet", async () => {
    renderRoot(api().fetch, "da-DK");
    fireEvent.click(await screen.findByRole("button", { name: "Logførte målgrupper" }));
    expect(await screen.findByRole("heading", { name: "Logførte målgrupper" })).toBeTruthy();
    expect(await screen.findByText("Ikke tilgængelig endnu")).toBeTruthy();
    expect(
      screen.getByRole("button", { name: "Logførte målgrupper" }).getAttribute("aria-current"),
    ).toBe("page");
    expect(await seriousViolations()).toEqual([]);
  });

  it("replaces a view that fails with a friendly message and a way to try again", async () => {
    let broken = true;
    const Flaky = () => {
      if (broken) throw new Error("boom");
      return <p>Back again</p>;
    };
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    render(
      <HostProvider host={createBrowserHost("da-DK")}>
        <ViewSlot name="flaky">
          <Flaky />
        </ViewSlot>
      </HostProvider>,
    );
    expect(screen.getByRole("alert").textContent).toContain("Noget gik galt her");
    broken = false;
    fireEvent.click(screen.getByRole("button", { name: "Prøv igen" }));
    await waitFor(() => expect(screen.getByText("Back again")).toBeTruthy());
    spy.mockRestore();
  });
});
