import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { MergeView } from "../../../../../addin/features/merge/merge-view";
import { setPreviewedContact } from "../../../../../addin/features/preview/previewed-contact";
import { createBrowserHost } from "../../../../../addin/host/browser";
import { flatOpcToDocx } from "../../../../../addin/host/letter-engine";
import { aSegment, createFakeApi, ok, problem, stamp, type FakeCall } from "../../fake-api";
import { seriousViolations } from "../../render-pane";
import { createFakeHost } from "../../host/fake-host";
import { contentControl, flatOpc, paragraph, text } from "../../host/letter-ooxml";
import { renderWithHost, withFiles } from "../../host/render-with-host";

const COUNT = 2500;

const record = (i: number) => ({
  lineNo: (i + 1) * 10,
  contactNo: `KT${String(i + 1).padStart(5, "0")}`,
  name: `Contact ${i + 1}`,
  values: { "First Name": `Contact ${i + 1}` },
  // The third contact has their own letter (a unique attachment on the line).
  ...(i === 2 ? { ownLetter: { fileName: "Til Contact 3.docx" } } : {}),
});

const segment = aSegment({
  no: "S0001",
  description: "Autumn letter",
  date: "2026-09-01",
  noOfLines: COUNT,
});

/** Merge data in pages of `top` (1,000 at most), as the contract pages it. */
const mergeData = (call: FakeCall) => {
  const top = Number(call.query.top);
  const start = Number(call.query.continuationToken ?? 0);
  const end = Math.min(start + top, COUNT);
  return ok({
    items: Array.from({ length: end - start }, (_, k) => record(start + k)),
    ...(end < COUNT ? { continuationToken: String(end) } : {}),
  });
};

const noLines = () => ok({ items: [] });

const job = (status: string, done: number, extra: Record<string, unknown> = {}) => ({
  id: "job-0001-abcd",
  segmentNo: "S0001",
  status,
  output: "perContact",
  progress: { done, total: 3 },
  issues: [],
  createdAt: "2026-01-01T00:00:00Z",
  ...extra,
});

describe("MergeView in Word", () => {
  it("checks for errors with every contact's data and lists the issues in the user's language", async () => {
    const host = createFakeHost({ language: "da-DK" });
    (host.checkMerge as jest.Mock).mockResolvedValue([
      {
        code: "field_without_data",
        severity: "error",
        message: "en",
        params: { field: "Shoe Size", parts: ["word/document.xml"] },
      },
      {
        code: "empty_values",
        severity: "warning",
        message: "en",
        params: { record: "Contact 7", fields: ["City", "Phone"] },
        record: 6,
      },
    ]);
    const { fetch, callsTo } = createFakeApi({
      getSegment: () => ok(segment),
      getMergeData: mergeData,
      listSegmentLines: noLines,
    });
    renderWithHost(<MergeView segmentNo="S0001" />, { fetch, host });

    fireEvent.click(screen.getByRole("button", { name: "Kontrollér for fejl" }));
    expect(
      await screen.findByText(
        "«Shoe Size» findes ikke i dataene: feltet forbliver tomt i alle breve.",
      ),
    ).toBeTruthy();
    expect(screen.getByText("Contact 7: ingen værdi i City, Phone.")).toBeTruthy();
    expect(
      screen.getByText(
        "KT00003 Contact 3 har sit eget brev (Til Contact 3.docx): ét dokument pr. kontakt og logføringen bruger det i stedet for målgruppens brev.",
      ),
    ).toBeTruthy();
    expect(
      screen.getByText("1 fejl og 1 advarsel i 2.500 breve. Du kan flette alligevel."),
    ).toBeTruthy();
    // Three pages of 1,000.
    expect(callsTo("getMergeData").map((c) => c.query.top)).toEqual(["1000", "1000", "1000"]);
    expect((host.checkMerge as jest.Mock).mock.calls[0][0]).toHaveLength(COUNT);
    expect(await seriousViolations()).toEqual([]);
  });

  it("merges into a new document, fetching the data a page at a time", async () => {
    const host = createFakeHost();
    const { fetch } = createFakeApi({
      getSegment: () => ok(segment),
      getMergeData: mergeData,
      listSegmentLines: noLines,
    });
    renderWithHost(<MergeView segmentNo="S0001" />, { fetch, host });

    expect(screen.getByRole("radio", { name: "New document" })).toBeTruthy();
    expect((screen.getByRole("radio", { name: "New document" }) as HTMLInputElement).checked).toBe(
      true,
    );
    fireEvent.click(screen.getByRole("button", { name: "Merge" }));

    expect(await screen.findByText("Merged 2,500 letters into a new document.")).toBeTruthy();
    const [records] = (host.mergeIntoWord as jest.Mock).mock.calls[0];
    expect(records).toHaveLength(COUNT);
    expect(records[COUNT - 1]).toEqual({
      values: { "First Name": "Contact 2500" },
      language: undefined,
      fileName: "Contact 2500",
    });
    expect(await seriousViolations()).toEqual([]);
  });

  it("offers to append to this document, and says why, where Word cannot open a new one", async () => {
    const host = createFakeHost({ capabilities: { mergeInto: "appendToDocument" } });
    const { fetch } = createFakeApi({
      getSegment: () => ok(segment),
      getMergeData: mergeData,
      listSegmentLines: noLines,
    });
    renderWithHost(<MergeView segmentNo="S0001" />, { fetch, host });
    expect(screen.getByRole("radio", { name: "Append to this document" })).toBeTruthy();
    expect(
      screen.getByText(/cannot open a new document from an add-in \(WordApi 1.3\)/),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Merge" }));
    expect(
      await screen.findByText(
        "Added 2,500 letters at the end of this document, after a section break.",
      ),
    ).toBeTruthy();
  });

  it("makes one document per contact on the server, shows its progress and downloads the zip", async () => {
    const host = createFakeHost();
    let polls = 0;
    const api = createFakeApi({
      getSegment: () => ok(segment),
      listSegmentLines: noLines,
      startMerge: () => ({ status: 202, body: job("queued", 0) }),
      getMergeJob: () =>
        ok(
          ++polls < 2
            ? job("running", 1)
            : job("done", 3, {
                result: { fileName: "S0001 letters.zip", contentType: "application/zip", size: 10 },
              }),
        ),
    });
    const zip = new Blob([new Uint8Array([80, 75, 5, 6])], { type: "application/zip" });
    const fetch = withFiles(api.fetch, { "/merge-jobs/job-0001-abcd/result": () => zip });
    renderWithHost(<MergeView segmentNo="S0001" />, { fetch, host });

    fireEvent.click(screen.getByRole("radio", { name: "One document per contact (zip)" }));
    fireEvent.click(screen.getByRole("button", { name: "Merge" }));

    const progress = await screen.findByRole("progressbar");
    expect(progress).toBeTruthy();
    await waitFor(() => expect(screen.getByText(/1 of 3/)).toBeTruthy());
    expect(
      await screen.findByText(
        "Made one document for each of 3 contacts in S0001 letters.zip; your browser downloads it.",
      ),
    ).toBeTruthy();
    expect(host.saveFile).toHaveBeenCalledWith(zip, "S0001 letters.zip");
    const [start] = api.callsTo("startMerge");
    expect(start?.body).toEqual({
      // The pane's own job id: it follows the job by it while the merge request runs.
      jobId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      template: { documentBase64: "UEsDBA==", fileName: "Letter.docx" },
      output: "perContact",
    });
    expect(host.mergeIntoWord).not.toHaveBeenCalled();
  });

  it("cancels a running server merge, on the server too", async () => {
    const host = createFakeHost();
    const api = createFakeApi({
      getSegment: () => ok(segment),
      listSegmentLines: noLines,
      startMerge: () => ({ status: 202, body: job("running", 1) }),
      getMergeJob: () => ok(job("running", 1)),
      cancelMergeJob: () => ok(job("canceled", 1)),
    });
    renderWithHost(<MergeView segmentNo="S0001" />, { fetch: api.fetch, host });
    fireEvent.click(screen.getByRole("radio", { name: "One document per contact (zip)" }));
    fireEvent.click(screen.getByRole("button", { name: "Merge" }));

    fireEvent.click(await screen.findByRole("button", { name: "Cancel" }));
    expect(await screen.findByText("The merge was canceled.")).toBeTruthy();
    await waitFor(() => expect(api.callsTo("cancelMergeJob")).toHaveLength(1));
    expect(host.saveFile).not.toHaveBeenCalled();
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("after the server stopped mid-merge, follows the job until it ends failed, says so in Danish and merges again", async () => {
    const host = createFakeHost({ language: "da-DK" });
    let merges = 0;
    let reads = 0;
    const stopped = job("failed", 2, {
      id: "lost",
      failure: "server_stopped",
      error: "The server stopped while merging segment S0001: progress was 2 of 3.",
      finishedAt: "2026-01-01T00:05:00Z",
    });
    const api = createFakeApi({
      getSegment: () => ok(segment),
      listSegmentLines: noLines,
      // The first merge's server dies: the connection closes without an answer.
      startMerge: () => {
        merges++;
        if (merges === 1) throw new TypeError("fetch failed");
        return ok(
          job("done", 3, {
            result: { fileName: "S0001 letters.zip", contentType: "application/zip", size: 10 },
          }),
        );
      },
      // Running while the dead server's lease lasts, then failed with how far it got.
      getMergeJob: (call) => {
        const first = api.callsTo("startMerge")[0]?.body as { jobId: string };
        if (call.params.id !== first.jobId) return ok(job("done", 3));
        reads++;
        return ok(reads < 2 ? job("running", 2, { id: first.jobId }) : stopped);
      },
    });
    const zip = new Blob([new Uint8Array([80, 75, 5, 6])], { type: "application/zip" });
    const fetch = withFiles(api.fetch, { "/merge-jobs/job-0001-abcd/result": () => zip });
    renderWithHost(<MergeView segmentNo="S0001" />, { fetch, host });

    fireEvent.click(screen.getByRole("radio", { name: "Et dokument pr. kontakt (zip)" }));
    fireEvent.click(screen.getByRole("button", { name: "Flet" }));

    expect(await screen.findByText(/Forbindelsen til serveren blev afbrudt/)).toBeTruthy();
    expect(await screen.findByText("Fletningen stoppede, fordi serveren stoppede")).toBeTruthy();
    expect(screen.getByText(/Den var nået 2 af 3\. Der blev ikke lavet nogen fil/)).toBeTruthy();
    // The server's own English sentence is not shown on a Danish screen, and no file is saved.
    expect(screen.queryByText(/The server stopped/)).toBeNull();
    expect(host.saveFile).not.toHaveBeenCalled();
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(await seriousViolations()).toEqual([]);

    // The way on: merging again, under a new job id, makes the whole file.
    fireEvent.click(screen.getByRole("button", { name: "Flet igen" }));
    await waitFor(() => expect(host.saveFile).toHaveBeenCalledWith(zip, "S0001 letters.zip"));
    expect(screen.queryByText("Fletningen stoppede, fordi serveren stoppede")).toBeNull();
    const [first, second] = api.callsTo("startMerge").map((c) => c.body as { jobId: string });
    expect(second?.jobId).not.toBe(first?.jobId);
    expect(api.callsTo("startMerge")[1]?.body).toMatchObject({ output: "perContact" });
  }, 60_000);

  it("shows the server's problem when the merge cannot start", async () => {
    const host = createFakeHost();
    const api = createFakeApi({
      getSegment: () => ok(segment),
      listSegmentLines: noLines,
      startMerge: () => problem(422, "The letter is not a Word document", undefined, "not_a_zip"),
    });
    renderWithHost(<MergeView segmentNo="S0001" />, { fetch: api.fetch, host });
    fireEvent.click(screen.getByRole("radio", { name: "One document per contact (zip)" }));
    fireEvent.click(screen.getByRole("button", { name: "Merge" }));
    expect(await screen.findByText("The letter is not a Word document")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Merge" }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });

  it("customizes the previewed contact's letter and saves it as that line's attachment", async () => {
    const host = createFakeHost();
    const uploads: { url: string; body: unknown; headers: Record<string, string> }[] = [];
    const api = createFakeApi({
      listSegmentLines: () => ok({ items: [] }),
      uploadLineAttachment: () =>
        ok({
          segmentNo: "S0001",
          lineNo: 50,
          contactNo: "KT00005",
          contactName: "Contact 5",
          attachment: {
            kind: "unique",
            fileName: "Letter.docx",
            uploadedAt: "2026-01-01T00:00:00Z",
          },
          campaignTarget: false,
          campaignResponse: false,
          ...stamp,
        }),
    });
    const fetch = withFiles(api.fetch, {}, uploads);
    act(() => setPreviewedContact("S0001", record(4)));
    renderWithHost(<MergeView segmentNo="S0001" />, { fetch, host });

    expect(screen.getByText("Contact: Contact 5 (KT00005)")).toBeTruthy();
    const save = screen.getByRole("button", {
      name: "Save as this contact's letter",
    }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Customize letter" }));
    await waitFor(() => expect(host.customizeRecord).toHaveBeenCalled());
    expect(await screen.findByText(/Editing Contact 5's letter/)).toBeTruthy();

    await waitFor(() => expect(save.disabled).toBe(false));
    fireEvent.click(save);
    expect(await screen.findByText("Saved as Contact 5's own letter.")).toBeTruthy();
    expect(uploads).toHaveLength(1);
    expect(uploads[0]?.url).toBe("http://localhost:7071/api/segments/S0001/lines/50/attachment");
    expect(uploads[0]?.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );

    fireEvent.click(screen.getByRole("button", { name: "Back to the letter" }));
    await waitFor(() => expect(host.showFieldCodes).toHaveBeenCalled());
    expect(await seriousViolations()).toEqual([]);
  });
});

describe("MergeView in a browser", () => {
  it("checks the uploaded letter on the server", async () => {
    const host = createBrowserHost("en-US");
    const bytes = flatOpcToDocx(flatOpc(paragraph(text("Dear "), contentControl("First Name"))));
    await host.openDocument({ fileName: "Autumn.docx", bytes });
    const api = createFakeApi({
      checkMerge: () =>
        ok({
          records: 3,
          fields: ["First Name"],
          issues: [
            {
              code: "no_such_code",
              severity: "warning",
              message: "Something the pane does not know.",
            },
          ],
        }),
    });
    renderWithHost(<MergeView segmentNo="S0001" />, { fetch: api.fetch, host });

    expect(screen.getByRole("radio", { name: "One document (.docx)" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Check for errors" }));
    const list = await screen.findByRole("list", { name: "Issues found" });
    // An issue code the pane does not know shows the server's text.
    expect(within(list).getByText("Something the pane does not know.")).toBeTruthy();
    const [call] = api.callsTo("checkMerge");
    expect((call?.body as { template: { fileName: string } }).template.fileName).toBe(
      "Autumn.docx",
    );
    expect(await seriousViolations()).toEqual([]);
  });

  it("asks for a letter before merging when none was uploaded", async () => {
    const host = createBrowserHost("en-US");
    renderWithHost(<MergeView segmentNo="S0001" />, { fetch: createFakeApi({}).fetch, host });
    fireEvent.click(screen.getByRole("button", { name: "Merge" }));
    expect(await screen.findByText("No letter yet")).toBeTruthy();
  });
});
