import { fireEvent, screen, waitFor } from "@testing-library/react";
import type { MergeJob } from "@shared/model/merge-job";
import { MergeView } from "../../../../../addin/features/merge/merge-view";
import { aSegment, createFakeApi, ok, type FakeAnswer } from "../../fake-api";
import { createFakeHost } from "../../host/fake-host";
import { renderWithHost, withFiles } from "../../host/render-with-host";

const segment = aSegment({ no: "S0001", noOfLines: 3 });

const job = (output: MergeJob["output"], fileName: string, contentType: string): MergeJob => ({
  id: "job-0001-abcd",
  segmentNo: "S0001",
  status: "done",
  output,
  progress: { done: 3, total: 3 },
  issues: [],
  result: { fileName, contentType, size: 10 },
  createdAt: "2026-01-01T00:00:00Z",
  finishedAt: "2026-01-01T00:00:05Z",
});

/** What functions/http/problem.ts answers when every LibreOffice process is busy. */
const converterBusy: FakeAnswer = {
  status: 503,
  body: {
    type: "https://mergeline.dev/problems/converter-busy",
    title: "Busy converting other letters to PDF",
    status: 503,
    detail: "Every PDF converter is busy (3 converting, 6 waiting). Try again in a moment.",
  },
};

describe("MergeView: PDF outputs", () => {
  it("merges into one PDF on the server and downloads it under the server's name", async () => {
    const host = createFakeHost();
    const api = createFakeApi({
      getSegment: () => ok(segment),
      listSegmentLines: () => ok({ items: [] }),
      startMerge: () => ok(job("documentPdf", "Letter - S0001.pdf", "application/pdf")),
    });
    const pdf = new Blob(["%PDF-1.7"], { type: "application/pdf" });
    const fetch = withFiles(api.fetch, { "/merge-jobs/job-0001-abcd/result": () => pdf });
    renderWithHost(<MergeView segmentNo="S0001" />, { fetch, host });

    fireEvent.click(screen.getByRole("radio", { name: "One PDF" }));
    expect(
      screen.getByText(/you download it as “<letter> - S0001\.pdf”/, { exact: false }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Merge" }));

    expect(
      await screen.findByText(
        "Merged 3 letters into one PDF, Letter - S0001.pdf; your browser downloads it.",
      ),
    ).toBeTruthy();
    expect(host.saveFile).toHaveBeenCalledWith(pdf, "Letter - S0001.pdf");
    expect(api.callsTo("startMerge")[0]?.body).toMatchObject({ output: "documentPdf" });
    expect(host.mergeIntoWord).not.toHaveBeenCalled();
  });

  it("makes a PDF per contact, zipped, in Danish", async () => {
    const host = createFakeHost({ language: "da-DK" });
    const api = createFakeApi({
      getSegment: () => ok(segment),
      listSegmentLines: () => ok({ items: [] }),
      startMerge: () => ok(job("perContactPdf", "Brev - S0001.zip", "application/zip")),
    });
    const zip = new Blob([new Uint8Array([80, 75, 5, 6])], { type: "application/zip" });
    const fetch = withFiles(api.fetch, { "/merge-jobs/job-0001-abcd/result": () => zip });
    renderWithHost(<MergeView segmentNo="S0001" />, { fetch, host });

    fireEvent.click(screen.getByRole("radio", { name: "PDF pr. kontakt (zip)" }));
    fireEvent.click(screen.getByRole("button", { name: "Flet" }));

    expect(
      await screen.findByText(
        "Lavede en PDF til hver af 3 kontakter i Brev - S0001.zip; din browser henter filen.",
      ),
    ).toBeTruthy();
    expect(host.saveFile).toHaveBeenCalledWith(zip, "Brev - S0001.zip");
    expect(api.callsTo("startMerge")[0]?.body).toMatchObject({ output: "perContactPdf" });
  });

  it("names the letters LibreOffice could not convert, in English and Danish", async () => {
    const failedJob = (): MergeJob => ({
      ...job("perContactPdf", "Letter - S0001.zip", "application/zip"),
      failedLines: [
        {
          lineNo: 20000,
          contactNo: "KT2",
          contactName: "Bo Berg",
          reason: { code: "conversion_failed", message: "soffice ended with code 1" },
        },
        {
          lineNo: 30000,
          contactNo: "KT3",
          contactName: "Cai Ek",
          reason: { code: "conversion_failed", message: "soffice ended with code 1" },
        },
      ],
    });
    const zip = new Blob([new Uint8Array([80, 75, 5, 6])], { type: "application/zip" });
    for (const [language, option, button, done, failed] of [
      [
        "en-US",
        "PDF per contact (zip)",
        "Merge",
        "Made a PDF for each of 1 contacts in Letter - S0001.zip; your browser downloads it.",
        "2 letters could not be converted to PDF: KT2 Bo Berg, KT3 Cai Ek.",
      ],
      [
        "da-DK",
        "PDF pr. kontakt (zip)",
        "Flet",
        "Lavede en PDF til hver af 1 kontakter i Letter - S0001.zip; din browser henter filen.",
        "2 breve kunne ikke konverteres til PDF: KT2 Bo Berg, KT3 Cai Ek.",
      ],
    ] as const) {
      const host = createFakeHost({ language });
      const api = createFakeApi({
        getSegment: () => ok(segment),
        listSegmentLines: () => ok({ items: [] }),
        startMerge: () => ok(failedJob()),
      });
      const fetch = withFiles(api.fetch, { "/merge-jobs/job-0001-abcd/result": () => zip });
      const view = renderWithHost(<MergeView segmentNo="S0001" />, { fetch, host });
      fireEvent.click(screen.getByRole("radio", { name: option }));
      fireEvent.click(screen.getByRole("button", { name: button }));
      expect(await screen.findByText(done)).toBeTruthy();
      expect(screen.getByText(failed)).toBeTruthy();
      view.unmount();
    }
  });

  it("says clearly when every PDF converter is busy, and Retry merges again", async () => {
    const host = createFakeHost();
    let attempts = 0;
    const api = createFakeApi({
      getSegment: () => ok(segment),
      listSegmentLines: () => ok({ items: [] }),
      startMerge: () =>
        ++attempts === 1
          ? converterBusy
          : ok(job("documentPdf", "Letter - S0001.pdf", "application/pdf")),
    });
    const pdf = new Blob(["%PDF-1.7"], { type: "application/pdf" });
    const fetch = withFiles(api.fetch, { "/merge-jobs/job-0001-abcd/result": () => pdf });
    renderWithHost(<MergeView segmentNo="S0001" />, { fetch, host });

    fireEvent.click(screen.getByRole("radio", { name: "One PDF" }));
    fireEvent.click(screen.getByRole("button", { name: "Merge" }));

    expect(await screen.findByText("Every PDF converter is busy")).toBeTruthy();
    expect(screen.getByText(/Nothing was merged; try again in a moment\./)).toBeTruthy();
    // The server's English detail is not what the user reads.
    expect(screen.queryByText(/3 converting, 6 waiting/)).toBeNull();
    expect(host.saveFile).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(host.saveFile).toHaveBeenCalledWith(pdf, "Letter - S0001.pdf"));
    expect(screen.queryByText("Every PDF converter is busy")).toBeNull();
    expect(api.callsTo("startMerge")).toHaveLength(2);
  });
});
