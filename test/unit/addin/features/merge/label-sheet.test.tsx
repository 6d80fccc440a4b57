import { fireEvent, screen, waitFor } from "@testing-library/react";
import { MergeView } from "../../../../../addin/features/merge/merge-view";
import { aSegment, createFakeApi, ok } from "../../fake-api";
import { seriousViolations } from "../../render-pane";
import { createFakeHost } from "../../host/fake-host";
import { renderWithHost, withFiles } from "../../host/render-with-host";

// The merge view in jsdom: each role query computes the style of every element and its ancestors,
// a second or more on a loaded 2-core machine, and a labels test makes a dozen of them and an axe
// run: 60 to 70 s there, past jest's 60 s. A bound on a stuck test, not on speed.
jest.setTimeout(180_000);

const segment = aSegment({ no: "S0001", description: "Labels", noOfLines: 3 });

const job = (status: string, done: number, extra: Record<string, unknown> = {}) => ({
  id: "job-0001-abcd",
  segmentNo: "S0001",
  status,
  output: "labels",
  progress: { done, total: 3 },
  issues: [],
  createdAt: "2026-01-01T00:00:00Z",
  ...extra,
});

/** A pane whose server merge ends at once with a labels document. */
const labelsPane = (language = "en-US") => {
  const host = createFakeHost({ language });
  const api = createFakeApi({
    getSegment: () => ok(segment),
    listSegmentLines: () => ok({ items: [] }),
    startMerge: () => ({ status: 202, body: job("queued", 0) }),
    getMergeJob: () =>
      ok(
        job("done", 3, {
          result: { fileName: "Letter - S0001 - Labels.docx", contentType: "x", size: 4 },
        }),
      ),
  });
  const docx = new Blob([new Uint8Array([80, 75, 3, 4])]);
  const fetch = withFiles(api.fetch, { "/merge-jobs/job-0001-abcd/result": () => docx });
  renderWithHost(<MergeView segmentNo="S0001" />, { fetch, host });
  return { host, api, docx };
};

const chooseSheet = async (name: string) => {
  fireEvent.click(screen.getByRole("combobox", { name: "Label sheet" }));
  fireEvent.click(await screen.findByRole("option", { name }));
};

/**
 * The server merge's round (start, a poll a second, the result, the download) re-renders the
 * whole merge view several times: 10 s and more on a loaded 2-core machine, past the 15 s that
 * a find waits elsewhere. A bound on a stuck merge, not on speed.
 */
const merged = { timeout: 90_000 };

const number = (name: string) => screen.getByRole("textbox", { name }) as HTMLInputElement;

describe("MergeView: labels", () => {
  it("prints labels on a named sheet on the server and downloads them", async () => {
    const { host, api, docx } = labelsPane();
    expect(screen.queryByRole("combobox", { name: "Label sheet" })).toBeNull();
    fireEvent.click(screen.getByRole("radio", { name: "Labels (one per contact)" }));
    const sheet = screen.getByRole("combobox", { name: "Label sheet" });
    expect(sheet.textContent).toContain("A4, 3 × 8: 63.5 × 33.9 mm (Avery L7159)");
    await chooseSheet("US Letter, 3 × 10: 2⅝ × 1 in (Avery 5160)");
    expect(await seriousViolations()).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Merge" }));

    expect(
      await screen.findByText(
        "Printed labels for 3 contacts in Letter - S0001 - Labels.docx; your browser downloads it.",
        undefined,
        merged,
      ),
    ).toBeTruthy();
    expect(host.saveFile).toHaveBeenCalledWith(docx, "Letter - S0001 - Labels.docx");
    const [start] = api.callsTo("startMerge");
    expect(start?.body).toMatchObject({
      output: "labels",
      labels: { sheet: { preset: "letter-3x10" }, content: "addressBlock" },
    });
    expect(host.mergeIntoWord).not.toHaveBeenCalled();
  });

  // Less work per test all the same: each textbox is found once, and the custom sheet's grid and
  // its checks with the Merge are two tests.
  const customFromL7163 = async () => {
    const pane = labelsPane();
    fireEvent.click(screen.getByRole("radio", { name: "Labels (one per contact)" }));
    await chooseSheet("A4, 2 × 7: 99.1 × 38.1 mm (Avery L7163)");
    await chooseSheet("Custom (mm)");
    return pane;
  };

  it("takes a custom grid from the sheet chosen", async () => {
    await customFromL7163();
    expect(number("Label width").value).toBe("99.1");
    expect(number("Number across").value).toBe("2");
    expect(number("Label height").value).toBe("38.1");
  });

  it("names what does not fit in a custom grid, and sends it once it does", async () => {
    const { api } = await customFromL7163();
    const across = number("Number across");
    const height = number("Label height");
    fireEvent.change(across, { target: { value: "3" } });
    expect(await screen.findByText("The labels across are wider than the page.")).toBeTruthy();
    const merge = screen.getByRole("button", { name: "Merge" }) as HTMLButtonElement;
    expect(merge.disabled).toBe(true);

    fireEvent.change(number("Label width"), { target: { value: "60" } });
    fireEvent.change(number("Horizontal pitch"), { target: { value: "65" } });
    fireEvent.change(height, { target: { value: "" } });
    expect(await screen.findByText("Enter a number of millimetres.")).toBeTruthy();
    // An English pane reads a comma as thousands: "38,1" is asked about, not taken.
    fireEvent.change(height, { target: { value: "38,1" } });
    expect(
      await screen.findByText(
        'Label height: "38,1" can be read two ways. Did you mean 38.1? Here decimals follow "." and "," groups thousands.',
      ),
    ).toBeTruthy();
    expect(merge.disabled).toBe(true);
    fireEvent.change(height, { target: { value: "38.1" } });
    await waitFor(() => expect(merge.disabled).toBe(false));
    fireEvent.click(merge);

    await screen.findByText(/Printed labels for 3 contacts/, undefined, merged);
    const [start] = api.callsTo("startMerge");
    expect(start?.body).toMatchObject({
      output: "labels",
      labels: {
        sheet: {
          custom: {
            pageWidth: 210,
            pageHeight: 297,
            topMargin: 15.1,
            sideMargin: 4.65,
            columns: 3,
            rows: 7,
            labelWidth: 60,
            labelHeight: 38.1,
            horizontalPitch: 65,
            verticalPitch: 38.1,
          },
        },
      },
    });
  });

  it("speaks Danish", async () => {
    labelsPane("da-DK");
    fireEvent.click(screen.getByRole("radio", { name: "Etiketter (én pr. kontakt)" }));
    await chooseSheetDa();
    expect(screen.getByRole("textbox", { name: "Antal på tværs" })).toBeTruthy();
    // Millimetres with a Danish decimal comma (A4 3 × 8's top margin).
    expect((screen.getByRole("textbox", { name: "Topmargen" }) as HTMLInputElement).value).toBe(
      "12,9",
    );
  });

  it("reads Danish millimetres the Danish way and asks about an English-looking decimal", async () => {
    labelsPane("da-DK");
    fireEvent.click(screen.getByRole("radio", { name: "Etiketter (én pr. kontakt)" }));
    await chooseSheetDa();
    const top = screen.getByRole("textbox", { name: "Topmargen" });
    fireEvent.change(top, { target: { value: "12.9" } });
    expect(
      await screen.findByText(
        'Topmargen: "12.9" kan læses på to måder. Mente du 12,9? Her står decimaler efter ",", og "." adskiller tusinder.',
      ),
    ).toBeTruthy();
    fireEvent.change(top, { target: { value: "13,5" } });
    await waitFor(() => expect(screen.queryByText(/kan læses på to måder/)).toBeNull());
  });
});

const chooseSheetDa = async () => {
  fireEvent.click(screen.getByRole("combobox", { name: "Etiketark" }));
  fireEvent.click(await screen.findByRole("option", { name: "Brugerdefineret (mm)" }));
};
