import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { setLetterFieldMatches } from "../../../../../addin/features/merge/letter-field-matches";
import { MergeView } from "../../../../../addin/features/merge/merge-view";
import { PreviewView } from "../../../../../addin/features/preview/preview-view";
import { createBrowserHost } from "../../../../../addin/host/browser";
import { flatOpcToDocx } from "../../../../../addin/host/letter-engine";
import { aSegment, createFakeApi, ok, stamp, type FakeCall } from "../../fake-api";
import { seriousViolations, findDialog } from "../../render-pane";
import { createFakeHost } from "../../host/fake-host";
import { contentControl, flatOpc, paragraph, text } from "../../host/letter-ooxml";
import { renderWithHost } from "../../host/render-with-host";

const NAMES = ["Jens Hansen", "Mette Larsen", "Søren Kierkegaard", "Karen Blixen", "Niels Bohr"];

const data = (i: number) => ({
  lineNo: (i + 1) * 10000,
  contactNo: `KT${String(i + 1).padStart(4, "0")}`,
  name: NAMES[i] as string,
  language: "da-DK",
  values: {
    "First Name": (NAMES[i] as string).split(" ")[0] as string,
    City: "Aarhus",
    Amount: 1234.5,
  },
});

const line = (i: number) => ({
  segmentNo: "S0001",
  lineNo: (i + 1) * 10000,
  contactNo: `KT${String(i + 1).padStart(4, "0")}`,
  contactName: NAMES[i] as string,
  attachment: { kind: "inherited" },
  campaignTarget: false,
  campaignResponse: false,
  ...stamp,
});

const segment = aSegment({
  no: "S0001",
  description: "Autumn letter",
  date: "2026-09-01",
  noOfLines: NAMES.length,
});

/** Pages of two, following the continuation token, as the API pages merge data. */
const mergeData = (call: FakeCall) => {
  const start = Number(call.query.continuationToken ?? 0);
  if (call.query.lineNo) {
    const index = NAMES.findIndex((_, i) => data(i).lineNo === Number(call.query.lineNo));
    return ok({ items: index < 0 ? [] : [data(index)] });
  }
  const end = Math.min(start + 2, NAMES.length);
  const items = Array.from({ length: end - start }, (_, k) => data(start + k));
  return ok({ items, ...(end < NAMES.length ? { continuationToken: String(end) } : {}) });
};

const api = () =>
  createFakeApi({
    getSegment: () => ok(segment),
    getMergeData: mergeData,
    listSegmentLines: (call) => {
      const search = (call.query.search ?? "").toLowerCase();
      return ok({
        items: NAMES.map((_, i) => line(i)).filter(
          (l) =>
            !search ||
            l.contactName.toLowerCase().includes(search) ||
            l.contactNo.toLowerCase().includes(search),
        ),
      });
    },
  });

const previewed = (host: ReturnType<typeof createFakeHost>) =>
  (host.previewRecord as jest.Mock).mock.calls.map(([record]) => record.fileName);

describe("PreviewView in Word", () => {
  it("steps through the contacts, showing each in the document, and back to the field codes", async () => {
    const host = createFakeHost();
    const { fetch, callsTo } = api();
    renderWithHost(<PreviewView segmentNo="S0001" />, { fetch, host });

    expect(await screen.findByText("1 of 5")).toBeTruthy();
    expect(screen.getByText("Jens Hansen (KT0001)")).toBeTruthy();
    // Opening the preview does not touch the letter; the user asks for it.
    expect(host.previewRecord).not.toHaveBeenCalled();
    expect(
      (screen.getByRole("button", { name: "Previous contact" }) as HTMLButtonElement).disabled,
    ).toBe(true);

    fireEvent.click(screen.getByRole("button", { name: "Preview results" }));
    await waitFor(() => expect(previewed(host)).toEqual(["Jens Hansen"]));
    expect((host.previewRecord as jest.Mock).mock.calls[0][0]).toEqual({
      values: data(0).values,
      language: "da-DK",
      fileName: "Jens Hansen",
    });

    fireEvent.click(screen.getByRole("button", { name: "Next contact" }));
    expect(await screen.findByText("2 of 5")).toBeTruthy();
    await waitFor(() => expect(previewed(host)).toEqual(["Jens Hansen", "Mette Larsen"]));

    // Next beyond the first page fetches the next one.
    fireEvent.click(screen.getByRole("button", { name: "Next contact" }));
    expect(await screen.findByText("3 of 5")).toBeTruthy();
    expect(callsTo("getMergeData").map((c) => c.query.continuationToken)).toEqual([undefined, "2"]);

    fireEvent.click(screen.getByRole("button", { name: "Last contact" }));
    expect(await screen.findByText("5 of 5")).toBeTruthy();
    expect(screen.getByText("Niels Bohr (KT0005)")).toBeTruthy();
    await waitFor(() =>
      expect(
        (screen.getByRole("button", { name: "Next contact" }) as HTMLButtonElement).disabled,
      ).toBe(true),
    );

    fireEvent.click(screen.getByRole("button", { name: "First contact" }));
    expect(await screen.findByText("1 of 5")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Show field codes" }));
    await waitFor(() => expect(host.showFieldCodes).toHaveBeenCalled());
    await waitFor(() =>
      expect(
        (screen.getByRole("button", { name: "Show field codes" }) as HTMLButtonElement).disabled,
      ).toBe(true),
    );
    expect(await seriousViolations()).toEqual([]);
  });

  it("jumps to a contact found by name", async () => {
    const host = createFakeHost();
    const { fetch, callsTo } = api();
    renderWithHost(<PreviewView segmentNo="S0001" />, { fetch, host });
    await screen.findByText("1 of 5");

    const combobox = screen.getByRole("combobox", { name: "Go to contact" });
    fireEvent.change(combobox, { target: { value: "blix" } });
    await waitFor(() =>
      expect(callsTo("listSegmentLines").some((c) => c.query.search === "blix")).toBe(true),
    );
    fireEvent.click(combobox);
    fireEvent.click(await screen.findByRole("option", { name: "Karen Blixen (KT0004)" }));

    expect(await screen.findByText("4 of 5")).toBeTruthy();
    await waitFor(() => expect(previewed(host)).toEqual(["Karen Blixen"]));
  });

  it("speaks Danish", async () => {
    const host = createFakeHost({ language: "da-DK" });
    renderWithHost(<PreviewView segmentNo="S0001" />, { fetch: api().fetch, host });
    expect(await screen.findByText("1 af 5")).toBeTruthy();
    for (const name of ["Første kontakt", "Forrige kontakt", "Næste kontakt", "Sidste kontakt"]) {
      expect(screen.getByRole("button", { name })).toBeTruthy();
    }
    expect(screen.getByRole("button", { name: "Vis feltkoder" })).toBeTruthy();
  });

  it("shows Word's error next to the controls and stays usable", async () => {
    const host = createFakeHost();
    (host.previewRecord as jest.Mock).mockRejectedValueOnce(
      new Error("The content control cannot be edited."),
    );
    renderWithHost(<PreviewView segmentNo="S0001" />, { fetch: api().fetch, host });
    await screen.findByText("1 of 5");
    fireEvent.click(screen.getByRole("button", { name: "Preview results" }));
    expect(await screen.findByText("The content control cannot be edited.")).toBeTruthy();
    expect(screen.getByText("Word could not finish that")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Next contact" }));
    expect(await screen.findByText("2 of 5")).toBeTruthy();
  });
});

describe("PreviewView with Match Fields", () => {
  afterEach(() => setLetterFieldMatches({}));

  it("shows a letter's own field with the value Match Fields gave it in the Merge tab", async () => {
    const host = createFakeHost({
      fields: [{ name: "Fornavn", form: "contentControl", count: 1 }],
    });
    const { fetch } = api();
    // Matched in the Merge tab, as a user does: Check for Errors, Match Fields, the suggestion.
    const merge = renderWithHost(<MergeView segmentNo="S0001" />, { fetch, host });
    fireEvent.click(screen.getByRole("button", { name: "Check for errors" }));
    fireEvent.click(await screen.findByRole("button", { name: "Match Fields" }));
    const dialog = await findDialog("Match Fields");
    fireEvent.click(dialog.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.queryByRole("dialog", { hidden: true })).toBeNull());
    // The Preview tab replaces the Merge tab: the matches outlive it.
    merge.unmount();

    renderWithHost(<PreviewView segmentNo="S0001" />, { fetch, host });
    await screen.findByText("1 of 5");
    fireEvent.click(screen.getByRole("button", { name: "Preview results" }));
    await waitFor(() => expect(host.previewRecord).toHaveBeenCalled());
    const { values } = (host.previewRecord as jest.Mock).mock.calls[0][0];
    expect(values["Fornavn"]).toBe("Jens");
    expect(values["First Name"]).toBe("Jens");
  });
});

describe("PreviewView in a browser", () => {
  it("lists the values the letter's fields get for the contact", async () => {
    const host = createBrowserHost("da-DK");
    await host.openDocument({
      fileName: "Brev.docx",
      bytes: flatOpcToDocx(
        flatOpc(paragraph(text("Kære "), contentControl("First Name"), contentControl("Amount"))),
      ),
    });
    renderWithHost(<PreviewView segmentNo="S0001" />, { fetch: api().fetch, host });

    const table = await screen.findByRole("table", { name: "Værdier for Jens Hansen" });
    await waitFor(() => expect(table.textContent).toContain("First NameJens"));
    // Formatted as the merge writes it: Danish decimal comma.
    expect(table.textContent).toContain("Amount1234,5");
    expect(screen.queryByRole("button", { name: "Vis feltkoder" })).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Næste kontakt" }));
    });
    expect(await screen.findByRole("table", { name: "Værdier for Mette Larsen" })).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });
});
