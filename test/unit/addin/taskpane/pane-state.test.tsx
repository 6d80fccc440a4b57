import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { MergeJob } from "@shared/model/merge-job";
import { createApiClient } from "../../../../addin/api/client";
import { createBrowserHost } from "../../../../addin/host/browser";
import type { PaneHost } from "../../../../addin/host/host";
import { Root } from "../../../../addin/taskpane/root";
import {
  aLine,
  aSegment,
  createFakeApi,
  fieldCatalog,
  ok,
  problem,
  type FakeAnswer,
  type FakeHandler,
} from "../fake-api";
import { createFakeHost } from "../host/fake-host";
import { withFiles } from "../host/render-with-host";
import { BASE_URL, findDialog } from "../render-pane";

// The whole pane in jsdom, on a machine shared with other test runs: slow, not stuck.
jest.setTimeout(480_000);
import type { PaneEndpointName } from "../../../../addin/api/client-endpoints";

/**
 * What the pane keeps while the user moves around it (issue 16): a server merge started on the
 * Merge tab goes on, and is shown, whatever tab or segment the user looks at meanwhile; leaving
 * typed Details by any way out asks first.
 */

const segment = aSegment({ no: "S0001", description: "Spring letter", noOfLines: 3229 });

const job = (id: string, status: MergeJob["status"], done: number): MergeJob => ({
  id,
  segmentNo: "S0001",
  status,
  output: "perContact",
  progress: { done, total: 3229 },
  issues: [],
  createdAt: "2026-01-01T00:00:00Z",
  ...(status === "done"
    ? { result: { fileName: "S0001.zip", contentType: "application/zip", size: 4 } }
    : {}),
});

const base: Partial<Record<PaneEndpointName, FakeHandler>> = {
  listSegments: () => ok({ items: [segment, aSegment({ no: "MG0002", description: "Autumn" })] }),
  getSegment: (call) => ok(call.params["no"] === "S0001" ? segment : aSegment({ no: "MG0002" })),
  listSegmentLines: () =>
    ok({ items: [aLine(), aLine({ lineNo: 2, contactNo: "KT0002", contactName: "Ida Berg" })] }),
  listSalespeople: () => ok({ items: [] }),
  listCampaigns: () => ok({ items: [] }),
  listInteractionTemplates: () => ok({ items: [] }),
  listCriteriaActions: () => ok({ items: [] }),
  listCriteriaFields: () => ok(fieldCatalog()),
};

/** The merge request stays open while the job runs; every poll finds it further on. */
const mergingServer = () => {
  let finish: (answer: FakeAnswer) => void = () => undefined;
  let jobId = "";
  let done = 0;
  const api = createFakeApi({
    ...base,
    startMerge: (call) => {
      jobId = (call.body as { jobId: string }).jobId;
      return new Promise<FakeAnswer>((resolve) => {
        finish = resolve;
      });
    },
    getMergeJob: (call) => {
      if (call.params["id"] !== jobId) return problem(404, "Not found");
      done = Math.min(done + 400, 3000);
      return ok(job(jobId, "running", done));
    },
    // As the server does: the merge request is answered once the canceled job has stopped.
    cancelMergeJob: (call) => {
      const canceled = job(call.params["id"] ?? "", "canceled", done);
      finish(ok(canceled));
      return ok(canceled);
    },
  });
  const zip = new Blob([new Uint8Array([80, 75, 5, 6])], { type: "application/zip" });
  return {
    api,
    // The result's path carries the id the pane chose: known once the merge is asked for.
    fetch: ((input: RequestInfo | URL, init?: RequestInit) =>
      withFiles(api.fetch, { [`/merge-jobs/${jobId}/result`]: () => zip })(
        input,
        init,
      )) as typeof globalThis.fetch,
    end: () => finish(ok(job(jobId, "done", 3229))),
  };
};

const renderRoot = (fetch: typeof globalThis.fetch, host: PaneHost) =>
  render(
    <Root
      host={host}
      connection={{ baseUrl: BASE_URL, client: createApiClient({ baseUrl: BASE_URL, fetch }) }}
    />,
  );

/** A tab of the open segment: in the tab list, or in the "more tabs" menu when it overflows. */
const openTab = async (name: string) => {
  const tabs = await screen.findByRole("tablist", { name: "Segment" });
  const tab = within(tabs).queryByRole("tab", { name });
  if (tab) fireEvent.click(tab);
  else {
    fireEvent.click(screen.getByRole("button", { name: /more tabs/ }));
    fireEvent.click(await screen.findByRole("menuitem", { name: new RegExp(name) }));
  }
};

const startZipMerge = async () => {
  fireEvent.click(await screen.findByRole("button", { name: "Open segment S0001 Spring letter" }));
  await openTab("Merge");
  fireEvent.click(await screen.findByRole("radio", { name: "One document per contact (zip)" }));
  fireEvent.click(screen.getByRole("button", { name: "Merge" }));
  await screen.findByText(/The server is merging… [\d,]+ of 3,229/, {}, { timeout: 5000 });
};

const shownCount = () => {
  const hit = /The server is merging… ([\d,]+) of 3,229/.exec(document.body.textContent ?? "");
  return hit ? Number((hit[1] ?? "").replace(/,/g, "")) : undefined;
};

describe("a server merge outlives the Merge tab", () => {
  it("goes on while Lines shows, marks the Merge tab, and its outcome reaches the user", async () => {
    const host = createFakeHost();
    const { api, fetch, end } = mergingServer();
    renderRoot(fetch, host);
    await startZipMerge();
    const before = shownCount() ?? 0;

    await openTab("Lines");
    expect(await screen.findByText("Ida Berg")).toBeTruthy();
    // The Merge tab (or the menu that holds it) says that a merge runs.
    expect(await screen.findByText(/Merge running: [\d,]+ of 3,229/)).toBeTruthy();
    const polls = api.callsTo("getMergeJob").length;
    await waitFor(() => expect(api.callsTo("getMergeJob").length).toBeGreaterThan(polls + 1), {
      timeout: 5000,
    });
    expect(api.callsTo("cancelMergeJob")).toHaveLength(0);

    // Back on Merge: the same run, further on.
    await openTab("Merge");
    await waitFor(() => expect(shownCount()).toBeGreaterThan(before), { timeout: 5000 });
    expect(screen.getByRole("button", { name: "Cancel" })).toBeTruthy();

    // It ends while Lines shows: the file still goes to the user, the outcome waits on Merge.
    await openTab("Lines");
    await screen.findByText("Ida Berg");
    end();
    await waitFor(() => expect(host.saveFile).toHaveBeenCalledTimes(1), { timeout: 5000 });
    expect(api.callsTo("cancelMergeJob")).toHaveLength(0);
    await openTab("Merge");
    expect(await screen.findByText(/Made one document for each of 3,229 contacts/)).toBeTruthy();
    // Seen on its tab, the ended run leaves no notice behind in the shell.
    fireEvent.click(screen.getByRole("button", { name: "Back to segments" }));
    expect(await screen.findByRole("heading", { name: "Segments" })).toBeTruthy();
    expect(screen.queryByRole("region", { name: "Work in progress" })).toBeNull();
  });

  it("ends while the user is in the segment list: the shell says so and leads to the outcome", async () => {
    const host = createFakeHost();
    const { fetch, end } = mergingServer();
    renderRoot(fetch, host);
    await startZipMerge();

    fireEvent.click(screen.getByRole("button", { name: "Back to segments" }));
    const status = await screen.findByRole("region", { name: "Work in progress" });
    end();
    expect(await within(status).findByText("S0001: the merge has ended")).toBeTruthy();
    await waitFor(() => expect(host.saveFile).toHaveBeenCalledTimes(1), { timeout: 5000 });

    fireEvent.click(within(status).getByRole("button", { name: "Show S0001" }));
    expect(await screen.findByText(/Made one document for each of 3,229 contacts/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Back to segments" }));
    expect(await screen.findByRole("heading", { name: "Segments" })).toBeTruthy();
    expect(screen.queryByRole("region", { name: "Work in progress" })).toBeNull();
  });

  it("goes on while the user is in the segment list, which shows it and leads back", async () => {
    const host = createFakeHost();
    const { api, fetch } = mergingServer();
    renderRoot(fetch, host);
    await startZipMerge();

    fireEvent.click(screen.getByRole("button", { name: "Back to segments" }));
    expect(await screen.findByRole("heading", { name: "Segments" })).toBeTruthy();
    const status = await screen.findByRole("region", { name: "Work in progress" });
    expect(within(status).getByText(/S0001: merging [\d,]+ of 3,229/)).toBeTruthy();
    const polls = api.callsTo("getMergeJob").length;
    await waitFor(() => expect(api.callsTo("getMergeJob").length).toBeGreaterThan(polls), {
      timeout: 5000,
    });
    expect(api.callsTo("cancelMergeJob")).toHaveLength(0);

    fireEvent.click(within(status).getByRole("button", { name: "Show S0001" }));
    expect(await screen.findByRole("button", { name: "Cancel" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(api.callsTo("cancelMergeJob")).toHaveLength(1));
    expect(await screen.findByText("The merge was canceled.")).toBeTruthy();
  });
});

describe("typed Details are never left without asking", () => {
  const typeDetails = async () => {
    fireEvent.click(
      await screen.findByRole("button", { name: "Open segment S0001 Spring letter" }),
    );
    fireEvent.click(await screen.findByRole("button", { name: "Details" }));
    const description = await screen.findByRole("textbox", { name: /Description/ });
    fireEvent.change(description, { target: { value: "Spring letter, second wave" } });
    return description;
  };

  it("asks on the top navigation, keeps the edit on Keep editing, leaves on Discard", async () => {
    renderRoot(createFakeApi(base).fetch, createBrowserHost("en-US"));
    await typeDetails();

    fireEvent.click(screen.getByRole("button", { name: "Logged segments" }));
    const ask = await findDialog("Discard your changes?", "alertdialog");
    // By text: jsdom lets tabster's modalizer mark the surface aria-hidden a moment later.
    fireEvent.click(ask.getByText("Keep editing"));
    await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull());
    expect((screen.getByRole("textbox", { name: /Description/ }) as HTMLInputElement).value).toBe(
      "Spring letter, second wave",
    );

    fireEvent.click(screen.getByRole("button", { name: "Segments" }));
    const again = await findDialog("Discard your changes?", "alertdialog");
    fireEvent.click(again.getByText("Discard changes"));
    expect(await screen.findByRole("heading", { name: "Segments" })).toBeTruthy();
  });

  it("holds the browser's reload or close while Details are typed, not after", async () => {
    renderRoot(createFakeApi(base).fetch, createBrowserHost("en-US"));
    await typeDetails();
    const leaving = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(true);

    fireEvent.click(screen.getByRole("button", { name: "Back to segments" }));
    fireEvent.click(
      (await findDialog(undefined, "alertdialog")).getByRole("button", {
        name: "Discard changes",
      }),
    );
    await screen.findByRole("heading", { name: "Segments" });
    const later = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(later);
    expect(later.defaultPrevented).toBe(false);
  });
});
