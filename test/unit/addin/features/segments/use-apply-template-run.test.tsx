import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { ApplyTemplateJob } from "@shared/model/apply-template-job";
import { createApiClient } from "../../../../../addin/api/client";
import { createBrowserHost } from "../../../../../addin/host/browser";
import { Root } from "../../../../../addin/taskpane/root";
import {
  aLine,
  aSegment,
  anInteractionTemplate,
  createFakeApi,
  fieldCatalog,
  ok,
  type FakeAnswer,
} from "../../fake-api";
import { BASE_URL, findDialog } from "../../render-pane";

/**
 * A template applied to a segment's 3,000 lines is one of the pane's runs (issue 16), as a merge
 * and a Log are: while the user is elsewhere, the shell's "Work in progress" line counts it in the
 * user's numbers and its Show opens Details on it, with the focus there; an end seen nowhere
 * stays told ("has ended", "was canceled") until Details has shown it.
 */

// The whole pane in jsdom, on a machine shared with other test runs: slow, not stuck.
jest.setTimeout(480_000);

const segment = aSegment({ no: "BIG", description: "Everyone in Bulkby", noOfLines: 3000 });

const job = (id: string, status: ApplyTemplateJob["status"], done: number): ApplyTemplateJob => ({
  id,
  segmentNo: "BIG",
  interactionTemplateCode: "LETTER",
  updateLines: true,
  status,
  progress: { done, total: 3000 },
  changed: done,
  createdAt: "2026-12-07T10:00:00Z",
});

/** The apply request stays open while the job runs; every poll finds it further on. */
const applyingServer = () => {
  let answer: (value: FakeAnswer) => void = () => undefined;
  let jobId = "";
  let done = 0;
  let status: ApplyTemplateJob["status"] = "running";
  const finish = (how: ApplyTemplateJob["status"]) => {
    status = how;
    if (how === "done") done = 3000;
    answer(ok({ ...segment, interactionTemplateCode: "LETTER", etag: '"2"' }));
  };
  const api = createFakeApi({
    listSegments: () => ok({ items: [segment, aSegment({ no: "MG0002" })] }),
    getSegment: () => ok(segment),
    listSegmentLines: () => ok({ items: [aLine()] }),
    listSalespeople: () => ok({ items: [] }),
    listCampaigns: () => ok({ items: [] }),
    listLanguages: () => ok({ items: [] }),
    listInteractionTemplates: () => ok({ items: [anInteractionTemplate()] }),
    listCriteriaActions: () => ok({ items: [] }),
    listCriteriaFields: () => ok(fieldCatalog()),
    listLoggedSegments: () => ok({ items: [] }),
    applyTemplate: (call) => {
      jobId = (call.body as { jobId: string }).jobId;
      return new Promise<FakeAnswer>((resolve) => {
        answer = resolve;
      });
    },
    getApplyTemplateJob: () => {
      if (status === "running") done = Math.min(done + 250, 2750);
      return ok(job(jobId, status, done));
    },
    // Cancel is taken; the job stops (and the request answers) when the test says so.
    cancelApplyTemplateJob: () => ok(job(jobId, "running", done)),
  });
  return { api, finish };
};

const renderRoot = (fetch: typeof globalThis.fetch, language: string) =>
  render(
    <Root
      host={createBrowserHost(language)}
      connection={{ baseUrl: BASE_URL, client: createApiClient({ baseUrl: BASE_URL, fetch }) }}
    />,
  );

const WORDS = {
  "en-US": {
    open: "Open segment BIG Everyone in Bulkby",
    details: "Details",
    picker: "Interaction template",
    ask: "Also update the lines?",
    yes: "Update lines too",
    segments: "Segments",
    logged: "Logged segments",
    region: "Work in progress",
    count: /^BIG: applying the template, ([\d,]+) of 3,000 lines$/,
    show: "Show BIG",
  },
  "da-DK": {
    open: "Åbn målgruppe BIG Everyone in Bulkby",
    details: "Oplysninger",
    picker: "Interaktionsskabelon",
    ask: "Skal linjerne også opdateres?",
    yes: "Opdater også linjerne",
    segments: "Målgrupper",
    logged: "Logførte målgrupper",
    region: "Igangværende arbejde",
    count: /^BIG: anvender skabelonen, ([\d.]+) af 3\.000 linjer$/,
    show: "Vis BIG",
  },
} as const;

/** Opens BIG's Details, applies LETTER to its lines, and waits for the server's first count. */
const startApply = async (language: keyof typeof WORDS) => {
  const words = WORDS[language];
  fireEvent.click(await screen.findByRole("button", { name: words.open }));
  fireEvent.click(await screen.findByRole("button", { name: words.details }));
  fireEvent.click(await screen.findByRole("combobox", { name: words.picker }));
  fireEvent.click(await screen.findByRole("option", { name: "LETTER – Letter" }));
  const dialog = await findDialog(words.ask);
  fireEvent.click(dialog.getByRole("button", { name: words.yes }));
  await screen.findByRole("progressbar");
};

/** The count the Work in progress line shows, as a number. */
const shownCount = (region: HTMLElement, language: keyof typeof WORDS): number | undefined => {
  for (const element of within(region).queryAllByText(WORDS[language].count)) {
    const hit = WORDS[language].count.exec(element.textContent ?? "");
    if (hit) return Number((hit[1] ?? "").replace(/[.,]/g, ""));
  }
  return undefined;
};

/** Leaves Details by the top navigation; the Work in progress line, once it shows a count. */
const awayCounting = async (language: keyof typeof WORDS, nav: "segments" | "logged") => {
  fireEvent.click(screen.getByRole("button", { name: WORDS[language][nav] }));
  const region = await screen.findByRole("region", { name: WORDS[language].region });
  await waitFor(() => expect(shownCount(region, language)).toBeGreaterThan(0));
  return region;
};

describe("a template applied to 3,000 lines while the user is elsewhere", () => {
  it("is counted in the Work in progress line, Show opens Details on it, and its end waits there", async () => {
    const { api, finish } = applyingServer();
    renderRoot(api.fetch, "en-US");
    await startApply("en-US");

    const region = await awayCounting("en-US", "segments");
    const first = shownCount(region, "en-US") ?? 0;
    // The count moves while the list shows.
    await waitFor(() => expect(shownCount(region, "en-US")).toBeGreaterThan(first));

    // Show: the segment's Details, open on the run, the focus on it (not on the page body).
    const show = within(region).getByRole("button", { name: "Show BIG" });
    show.focus();
    fireEvent.click(show);
    const progress = await screen.findByRole("group", { name: "Applying LETTER to the lines" });
    await waitFor(() => expect(document.activeElement).toBe(progress));
    expect(screen.queryByRole("region", { name: "Work in progress" })).toBeNull();
    // The Lines tab, which holds Details, says that the template goes on to the lines.
    const lines = screen.getByRole("tab", { name: /^Lines/ });
    expect(
      document.getElementById(lines.getAttribute("aria-describedby") ?? "")?.textContent,
    ).toMatch(/^Applying the template: [\d,]+ of 3,000 lines$/);

    // It ends while the logged segments show: the line says so, and Show leads to what it did.
    fireEvent.click(screen.getByRole("button", { name: "Logged segments" }));
    const again = await screen.findByRole("region", { name: "Work in progress" });
    act(() => finish("done"));
    expect(await within(again).findByText("BIG: applying the template has ended")).toBeTruthy();
    fireEvent.click(within(again).getByRole("button", { name: "Show BIG" }));
    expect(
      await screen.findByText(
        "Interaction template LETTER is on all 3,000 lines (3,000 changed, the others had its values already).",
      ),
    ).toBeTruthy();
    // Seen in Details, the ended run leaves no notice behind.
    fireEvent.click(screen.getByRole("button", { name: "Segments" }));
    await screen.findByRole("button", { name: WORDS["en-US"].open });
    expect(screen.queryByRole("region", { name: "Work in progress" })).toBeNull();
  });

  it("in Danish: counted in Danish numbers, and a cancel that lands elsewhere is told as one", async () => {
    const { api, finish } = applyingServer();
    renderRoot(api.fetch, "da-DK");
    await startApply("da-DK");

    const region = await awayCounting("da-DK", "segments");

    // Cancel in Details; the server stops after the page in hand, when the user is gone again.
    fireEvent.click(within(region).getByRole("button", { name: "Vis BIG" }));
    fireEvent.click(await screen.findByRole("button", { name: "Annuller" }));
    await waitFor(() => expect(api.callsTo("cancelApplyTemplateJob")).toHaveLength(1));
    fireEvent.click(screen.getByRole("button", { name: "Målgrupper" }));
    const again = await screen.findByRole("region", { name: "Igangværende arbejde" });
    act(() => finish("canceled"));
    expect(
      await within(again).findByText("BIG: anvendelsen af skabelonen blev annulleret"),
    ).toBeTruthy();
    fireEvent.click(within(again).getByRole("button", { name: "Vis BIG" }));
    expect(await screen.findByText(/^Annulleret efter [\d.]+ af 3\.000 linjer/)).toBeTruthy();
    expect(screen.queryByRole("region", { name: "Igangværende arbejde" })).toBeNull();
  });
});
