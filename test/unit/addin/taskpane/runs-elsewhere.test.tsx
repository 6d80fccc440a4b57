import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { createBrowserHost } from "../../../../addin/host/browser";
import { HostProvider } from "../../../../addin/host/host-context";
import { RunsElsewhere } from "../../../../addin/taskpane/runs-elsewhere";
import { SegmentTabs } from "../../../../addin/taskpane/segment-tabs";
import {
  PaneRunsProvider,
  usePaneRuns,
  type PaneRuns,
  type RunActivity,
} from "../../../../addin/ui/pane-runs";

/**
 * A template applied to many lines is a pane run like a merge or a Log (issue 16): the shell's
 * "Work in progress" line counts it in the user's numbers and leads back to it, says how it
 * ended, and the Lines tab (which holds Details) carries its spinner and its spoken count.
 */

let runs: PaneRuns | undefined;
const Capture = () => {
  runs = usePaneRuns();
  return null;
};

const renderShell = (language: string, onShow: (activity: RunActivity) => void = () => undefined) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <HostProvider host={createBrowserHost(language)}>
        <PaneRunsProvider>
          <Capture />
          <RunsElsewhere openNo="OTHER" onShow={onShow} />
        </PaneRunsProvider>
      </HostProvider>
    </FluentProvider>,
  );

const apply = (done?: number): RunActivity => ({
  segmentNo: "BIG",
  kind: "apply",
  ...(done !== undefined ? { done, total: 3000 } : {}),
});

const setActivity = (activity: RunActivity) =>
  act(() => runs?.setActivity(`apply/${activity.segmentNo}`, activity));

describe("the Work in progress line for a template applied to the lines", () => {
  it("counts the lines in English and leads to the segment that shows the run", () => {
    const onShow = jest.fn();
    renderShell("en-US", onShow);
    setActivity(apply());
    const region = screen.getByRole("region", { name: "Work in progress" });
    expect(within(region).getByText("BIG: applying the template…")).toBeTruthy();
    setActivity(apply(1250));
    expect(
      within(region).getByText("BIG: applying the template, 1,250 of 3,000 lines"),
    ).toBeTruthy();
    fireEvent.click(within(region).getByRole("button", { name: "Show BIG" }));
    expect(onShow).toHaveBeenCalledWith(apply(1250));
  });

  it("counts in Danish numbers", () => {
    renderShell("da-DK");
    setActivity(apply(1250));
    const region = screen.getByRole("region", { name: "Igangværende arbejde" });
    expect(
      within(region).getByText("BIG: anvender skabelonen, 1.250 af 3.000 linjer"),
    ).toBeTruthy();
    expect(within(region).getByRole("button", { name: "Vis BIG" })).toBeTruthy();
  });

  it.each([
    ["en-US", undefined, "BIG: applying the template has ended"],
    ["en-US", "canceled", "BIG: applying the template was canceled"],
    ["en-US", "failed", "BIG: applying the template failed"],
    ["da-DK", undefined, "BIG: anvendelsen af skabelonen er afsluttet"],
    ["da-DK", "canceled", "BIG: anvendelsen af skabelonen blev annulleret"],
    ["da-DK", "failed", "BIG: anvendelsen af skabelonen mislykkedes"],
  ] as const)(
    "in %s, a run that ended (%s) says so until Details shows it",
    (language, how, text) => {
      renderShell(language);
      setActivity(apply(1250));
      act(() => runs?.end("apply/BIG", how));
      expect(screen.getByText(text)).toBeTruthy();
      act(() => runs?.acknowledge("apply/BIG"));
      expect(screen.queryByText(text)).toBeNull();
      expect(screen.queryByRole("region")).toBeNull();
    },
  );
});

describe("the open segment's tabs while its template goes on to the lines", () => {
  const renderTabs = (language: string) =>
    render(
      <FluentProvider theme={webLightTheme}>
        <HostProvider host={createBrowserHost(language)}>
          <PaneRunsProvider>
            <Capture />
            <SegmentTabs no="BIG" tab="criteria" onTab={() => undefined} />
          </PaneRunsProvider>
        </HostProvider>
      </FluentProvider>,
    );

  /** A tab, or the "more tabs" button when jsdom's zero widths put the tab in the menu. */
  const describedBy = (name: RegExp) => {
    const tab =
      screen.queryByRole("tab", { name }) ??
      screen.getByRole("button", { name: /more tabs|faner/ });
    return (tab.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent)
      .join(" ");
  };

  it("marks the Lines tab, which holds Details, with the spoken count", () => {
    renderTabs("en-US");
    expect(describedBy(/^Lines/)).toBe("");
    setActivity(apply(1250));
    expect(describedBy(/^Lines/)).toBe("Applying the template: 1,250 of 3,000 lines");
    act(() => runs?.end("apply/BIG"));
    expect(describedBy(/^Lines/)).toBe("");
  });

  it("speaks Danish in Danish", () => {
    renderTabs("da-DK");
    setActivity(apply());
    expect(describedBy(/^Linjer/)).toBe("Anvender skabelonen");
    setActivity(apply(1250));
    expect(describedBy(/^Linjer/)).toBe("Anvender skabelonen: 1.250 af 3.000 linjer");
  });
});
