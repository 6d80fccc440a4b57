import { fireEvent, screen, waitFor } from "@testing-library/react";
import type { MergeJob } from "@shared/model/merge-job";
import { MergeView } from "../../../../../addin/features/merge/merge-view";
import { aSegment, createFakeApi, ok, problem, type FakeAnswer } from "../../fake-api";
import { createFakeHost } from "../../host/fake-host";
import { renderWithHost } from "../../host/render-with-host";

const segment = aSegment({ no: "S0001", noOfLines: 3229 });

const job = (id: string, status: MergeJob["status"], done: number): MergeJob => ({
  id,
  segmentNo: "S0001",
  status,
  output: "perContact",
  progress: { done, total: 3229 },
  issues: [],
  createdAt: "2026-01-01T00:00:00Z",
});

/**
 * A server whose merge request stays open while the job runs (as functions/merge answers only
 * when the job has ended): the job is not written at the first poll (404), then it moves.
 */
const slowServer = () => {
  let finish: (answer: FakeAnswer) => void = () => undefined;
  let jobId: string | undefined;
  const progress = [1204, 2400];
  let polls = 0;
  const api = createFakeApi({
    getSegment: () => ok(segment),
    listSegmentLines: () => ok({ items: [] }),
    startMerge: (call) => {
      jobId = (call.body as { jobId?: string }).jobId;
      return new Promise<FakeAnswer>((resolve) => {
        finish = resolve;
      });
    },
    getMergeJob: (call) => {
      polls += 1;
      if (polls === 1 || call.params["id"] !== jobId) return problem(404, "Not found");
      return ok(job(jobId ?? "", "running", progress[Math.min(polls - 2, 1)] ?? 0));
    },
    cancelMergeJob: (call) => {
      const canceled = job(call.params["id"] ?? "", "canceled", 2400);
      finish(ok(canceled));
      return ok(canceled);
    },
  });
  return { api, jobId: () => jobId };
};

describe("MergeView: the server's merge job, followed while it runs", () => {
  it("shows the job's own progress, in English numbers, and Cancel cancels that job", async () => {
    const host = createFakeHost();
    const { api, jobId } = slowServer();
    renderWithHost(<MergeView segmentNo="S0001" />, { fetch: api.fetch, host });

    fireEvent.click(screen.getByRole("radio", { name: "One document per contact (zip)" }));
    fireEvent.click(screen.getByRole("button", { name: "Merge" }));

    expect(
      await screen.findByText("The server is merging… 1,204 of 3,229", {}, { timeout: 5000 }),
    ).toBeTruthy();
    expect(
      await screen.findByText("The server is merging… 2,400 of 3,229", {}, { timeout: 5000 }),
    ).toBeTruthy();
    // The pane chose the id it polls: the one it sent with the merge.
    expect(jobId()).toMatch(/^[0-9a-f-]{36}$/);
    expect(api.callsTo("getMergeJob").every((c) => c.params["id"] === jobId())).toBe(true);

    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(api.callsTo("cancelMergeJob")).toHaveLength(1));
    expect(api.callsTo("cancelMergeJob")[0]?.params["id"]).toBe(jobId());
    expect(await screen.findByText("The merge was canceled.")).toBeTruthy();
    expect(host.saveFile).not.toHaveBeenCalled();
  });

  it("writes the counts as Danish does", async () => {
    const host = createFakeHost({ language: "da-DK" });
    const { api } = slowServer();
    renderWithHost(<MergeView segmentNo="S0001" />, { fetch: api.fetch, host });

    fireEvent.click(screen.getByRole("radio", { name: "Et dokument pr. kontakt (zip)" }));
    fireEvent.click(screen.getByRole("button", { name: "Flet" }));

    expect(
      await screen.findByText("Serveren fletter… 1.204 af 3.229", {}, { timeout: 5000 }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Annuller" }));
    expect(await screen.findByText("Fletningen blev annulleret.")).toBeTruthy();
  });

  it("cancels a job the server had not yet written when Cancel came", async () => {
    const host = createFakeHost();
    let written = false;
    let finish: (answer: FakeAnswer) => void = () => undefined;
    const api = createFakeApi({
      getSegment: () => ok(segment),
      listSegmentLines: () => ok({ items: [] }),
      startMerge: () =>
        new Promise<FakeAnswer>((resolve) => {
          finish = resolve;
        }),
      getMergeJob: () => problem(404, "Not found"),
      cancelMergeJob: (call) => {
        if (!written) {
          // The server writes the job only after it has read the letter and the lines.
          written = true;
          return problem(404, "Not found");
        }
        const canceled = job(call.params["id"] ?? "", "canceled", 0);
        finish(ok(canceled));
        return ok(canceled);
      },
    });
    renderWithHost(<MergeView segmentNo="S0001" />, { fetch: api.fetch, host });

    fireEvent.click(screen.getByRole("radio", { name: "One document per contact (zip)" }));
    fireEvent.click(screen.getByRole("button", { name: "Merge" }));
    fireEvent.click(await screen.findByRole("button", { name: "Cancel" }));

    expect(await screen.findByText("The merge was canceled.")).toBeTruthy();
    await waitFor(() => expect(api.callsTo("cancelMergeJob")).toHaveLength(2), { timeout: 5000 });
    const [first, second] = api.callsTo("cancelMergeJob");
    expect(second?.params["id"]).toBe(first?.params["id"]);
  });
});
