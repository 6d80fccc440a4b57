import { fireEvent, screen, waitFor } from "@testing-library/react";
import { ContactInteractionsDrawer } from "../../../../../addin/features/log/contact-interactions-drawer";
import { LoggedSegmentsView } from "../../../../../addin/features/log/logged-segments-view";
import { createFakeApi, ok, problem } from "../../fake-api";
import { seriousViolations } from "../../render-pane";
import { createFakeHost } from "../../host/fake-host";
import { renderWithHost, withFiles } from "../../host/render-with-host";

const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const entry = (entryNo: number, extra: Record<string, unknown> = {}) => ({
  entryNo,
  contactNo: "KT0001",
  contactName: "Anna Holm",
  date: "2026-03-02",
  timeOfInteraction: "2026-03-02T09:00:00Z",
  interactionTemplateCode: "LETTER",
  description: "Spring letter",
  cost: 0,
  duration: 0,
  campaignTarget: false,
  campaignResponse: false,
  segmentNo: "MG0001",
  loggedSegmentEntryNo: 7,
  userId: "demo",
  deliveryStatus: "none",
  canceled: false,
  etag: '"1"',
  ...extra,
});

const interactions = () =>
  ok({
    items: [
      entry(11, { keptLetter: "template" }),
      entry(12, { keptLetter: "own", canceled: true }),
      entry(13, { description: "Phone call", interactionTemplateCode: "CALL" }),
    ],
  });

const loggedSegment = {
  entryNo: 7,
  segmentNo: "MG0001",
  description: "Spring letter",
  createdAt: "2026-03-02T09:00:00Z",
  userId: "demo",
  noOfInteractions: 2,
  noOfCampaignEntries: 0,
  canceled: false,
  etag: '"1"',
};

const job = (status: string, done: number, extra: Record<string, unknown> = {}) => ({
  id: "job-resend-0001",
  segmentNo: "MG0001",
  loggedSegmentEntryNo: 7,
  status,
  output: "perContact",
  progress: { done, total: 2 },
  issues: [],
  createdAt: "2026-03-03T00:00:00Z",
  ...extra,
});

describe("the letter a contact got, in the contact's interaction log", () => {
  it("shows and resends an entry's letter as a download, and offers nothing where nothing was sent", async () => {
    const host = createFakeHost();
    const api = createFakeApi({ listContactInteractions: interactions });
    const letter = new Blob([new Uint8Array([80, 75, 3, 4])], { type: docx });
    const again = new Blob([new Uint8Array([80, 75, 3, 4, 1])], { type: docx });
    const fetch = withFiles(api.fetch, {
      "/interaction-log-entries/11/letter": () => letter,
      "/interaction-log-entries/11/resend": () => again,
    });
    renderWithHost(
      <ContactInteractionsDrawer contactNo="KT0001" contactName="Anna Holm" onClose={() => {}} />,
      { fetch, host },
    );

    fireEvent.click(await screen.findByRole("button", { name: "Show the letter of entry 11" }));
    expect(
      await screen.findByText("The letter of entry 11 is downloaded as 11 Anna Holm.docx."),
    ).toBeTruthy();
    expect(host.saveFile).toHaveBeenCalledWith(letter, "11 Anna Holm.docx");

    fireEvent.click(screen.getByRole("button", { name: "Resend the letter of entry 11" }));
    expect(
      await screen.findByText(
        "Resent the letter of entry 11: your browser downloads 11 Anna Holm.docx. Nothing new was logged.",
      ),
    ).toBeTruthy();
    expect(host.saveFile).toHaveBeenLastCalledWith(again, "11 Anna Holm.docx");

    // A canceled entry's letter can be read, not resent; a call has no letter at all.
    expect(screen.getByRole("button", { name: "Show the letter of entry 12" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Resend the letter of entry 12" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Show the letter of entry 13" })).toBeNull();
    expect(await seriousViolations()).toEqual([]);
  });

  it("says why a letter cannot be shown, and clears that when the next try works", async () => {
    const host = createFakeHost();
    const api = createFakeApi({
      listContactInteractions: interactions,
      getEntryLetter: () =>
        problem(404, "Not found", undefined, "The letter is missing from document storage."),
    });
    const letter = new Blob([new Uint8Array([80, 75, 3, 4])], { type: docx });
    const files = withFiles(api.fetch, { "/interaction-log-entries/12/letter": () => letter });
    let tries = 0;
    // The first try meets the server's refusal; the second gets the letter.
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) =>
      String(input).endsWith("/12/letter") && ++tries === 1
        ? api.fetch(input, init)
        : files(input, init)) as typeof globalThis.fetch;
    renderWithHost(
      <ContactInteractionsDrawer contactNo="KT0001" contactName="Anna Holm" onClose={() => {}} />,
      { fetch, host },
    );
    fireEvent.click(await screen.findByRole("button", { name: "Show the letter of entry 12" }));
    expect(await screen.findByText(/missing from document storage/)).toBeTruthy();
    expect(host.saveFile).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Show the letter of entry 12" }));
    expect(
      await screen.findByText("The letter of entry 12 is downloaded as 12 Anna Holm.docx."),
    ).toBeTruthy();
    expect(screen.queryByText(/missing from document storage/)).toBeNull();
    expect(host.saveFile).toHaveBeenCalledWith(letter, "12 Anna Holm.docx");
  });

  it("speaks Danish", async () => {
    const host = createFakeHost({ language: "da-DK" });
    const api = createFakeApi({ listContactInteractions: interactions });
    renderWithHost(
      <ContactInteractionsDrawer contactNo="KT0001" contactName="Anna Holm" onClose={() => {}} />,
      { fetch: api.fetch, host },
    );
    expect(await screen.findByRole("button", { name: "Vis brevet til post 11" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Send brevet til post 11 igen" })).toBeTruthy();
    expect(screen.getAllByText("Vis brev")).toHaveLength(2);
  });
});

describe("Resend letters of a logged segment", () => {
  it("follows the resend job's progress and downloads the zip", async () => {
    const host = createFakeHost();
    let polls = 0;
    const api = createFakeApi({
      listLoggedSegments: () => ok({ items: [loggedSegment] }),
      resendLoggedSegment: () => ok(job("running", 0)),
      getMergeJob: () =>
        ok(
          ++polls < 2
            ? job("running", 1)
            : job("done", 2, {
                result: {
                  fileName: "Spring letter - 7.zip",
                  contentType: "application/zip",
                  size: 4,
                },
              }),
        ),
    });
    const zip = new Blob([new Uint8Array([80, 75, 5, 6])], { type: "application/zip" });
    const fetch = withFiles(api.fetch, { "/merge-jobs/job-resend-0001/result": () => zip });
    renderWithHost(<LoggedSegmentsView onOpenSegment={() => {}} />, { fetch, host });

    fireEvent.click(await screen.findByRole("button", { name: "Actions for logged segment 7" }));
    fireEvent.click(await screen.findByRole("menuitem", { name: "Resend letters" }));
    await waitFor(() => expect(screen.getByText("1 of 2 letters")).toBeTruthy());
    expect(screen.getByRole("progressbar")).toBeTruthy();
    expect(
      await screen.findByText(
        "Resent 2 letters of logged segment 7: your browser downloads Spring letter - 7.zip. Nothing new was logged.",
      ),
    ).toBeTruthy();
    expect(host.saveFile).toHaveBeenCalledWith(zip, "Spring letter - 7.zip");
    expect(api.callsTo("resendLoggedSegment")[0]?.body).toEqual({ via: "download" });
  });

  it("shows the server's refusal: nothing to send", async () => {
    const host = createFakeHost();
    const api = createFakeApi({
      listLoggedSegments: () => ok({ items: [loggedSegment] }),
      resendLoggedSegment: () =>
        problem(
          422,
          "Unprocessable",
          [{ in: "path", field: "entryNo", message: "no entry of logged segment 7 has a letter" }],
          "There is nothing to send: no entry of logged segment 7 has a letter (only letters can be resent).",
        ),
    });
    renderWithHost(<LoggedSegmentsView onOpenSegment={() => {}} />, { fetch: api.fetch, host });
    fireEvent.click(await screen.findByRole("button", { name: "Actions for logged segment 7" }));
    fireEvent.click(await screen.findByRole("menuitem", { name: "Resend letters" }));
    expect(await screen.findByText(/There is nothing to send/)).toBeTruthy();
    expect(host.saveFile).not.toHaveBeenCalled();
  });
});
