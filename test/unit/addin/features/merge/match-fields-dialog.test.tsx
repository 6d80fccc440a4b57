import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { MatchFieldsDialog } from "../../../../../addin/features/merge/match-fields-dialog";
import { MergeView } from "../../../../../addin/features/merge/merge-view";
import { setLetterFieldMatches } from "../../../../../addin/features/merge/letter-field-matches";
import { aSegment, createFakeApi, ok } from "../../fake-api";
import { renderPane, seriousViolations, findDialog } from "../../render-pane";
import { createFakeHost } from "../../host/fake-host";
import { renderWithHost } from "../../host/render-with-host";

const unmatched = [
  { field: "Efternavn", suggestion: "Surname", reason: "label" as const },
  { field: "Postal_Code", suggestion: "Post Code", reason: "synonym" as const },
  { field: "Shoe_Size", reason: "none" as const },
];
const noApi = (() => Promise.reject(new Error("no API here"))) as typeof fetch;

describe("Match Fields dialog", () => {
  it("shows each field with its suggestion chosen and why, and saves the choices", async () => {
    const onSave = jest.fn();
    renderPane(
      <MatchFieldsDialog unmatched={unmatched} matches={{}} onSave={onSave} onClose={jest.fn()} />,
      { fetch: noApi },
    );
    const dialog = await findDialog("Match Fields");
    const efternavn = dialog.getByRole("combobox", { name: "Efternavn" });
    expect(efternavn.textContent).toContain("Surname");
    expect(dialog.getByText("Suggested: Word's name for this field.")).toBeTruthy();
    expect(dialog.getByRole("combobox", { name: "Shoe_Size" }).textContent).toContain(
      "(not matched)",
    );

    // Postal_Code: leave it empty instead.
    fireEvent.click(dialog.getByRole("combobox", { name: "Postal_Code" }));
    fireEvent.click(await screen.findByRole("option", { name: "(leave empty)" }));
    fireEvent.click(dialog.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave.mock.calls[0][0]).toEqual({ Efternavn: "Surname", Postal_Code: null });
    expect(await seriousViolations()).toEqual([]);
  });

  it("is usable from the keyboard: the list opens with the arrow keys, Enter saves, Escape closes", async () => {
    const onSave = jest.fn();
    const onClose = jest.fn();
    renderPane(
      <MatchFieldsDialog unmatched={unmatched} matches={{}} onSave={onSave} onClose={onClose} />,
      { fetch: noApi },
    );
    const box = await screen.findByRole("combobox", { name: "Shoe_Size" });
    act(() => box.focus());
    fireEvent.keyDown(box, { key: "ArrowDown" });
    expect(await screen.findByRole("option", { name: "(leave empty)" })).toBeTruthy();
    fireEvent.keyDown(box, { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("option")).toBeNull());
    // The dialog is a form: Enter in it saves, as the Save button does.
    fireEvent.submit(box.closest("form") as HTMLFormElement);
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith({ Efternavn: "Surname", Postal_Code: "Post Code" }),
    );
    fireEvent.keyDown(screen.getByRole("dialog", { hidden: true }), { key: "Escape" });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it("speaks Danish, with the fields under their Danish names, and shows matches already made", async () => {
    renderPane(
      <MatchFieldsDialog
        unmatched={[]}
        matches={{ Efternavn: "Surname", Hat: null }}
        onSave={jest.fn()}
        onClose={jest.fn()}
      />,
      { fetch: noApi, language: "da-DK" },
    );
    const dialog = await findDialog("Tilknyt felter");
    expect(dialog.getByRole("combobox", { name: "Efternavn" }).textContent).toContain("Efternavn");
    expect(dialog.getByRole("combobox", { name: "Hat" }).textContent).toContain("(lad være tomt)");
    expect(dialog.getByRole("button", { name: "Gem" })).toBeTruthy();
  });
});

describe("Match Fields in Check for Errors and the merge, in Word", () => {
  // The matches are the session's (module state): each test starts without.
  afterEach(() => setLetterFieldMatches({}));
  const segment = aSegment({ no: "S0001", description: "Brev", date: "2026-09-01", noOfLines: 1 });
  const data = {
    lineNo: 10,
    contactNo: "KT1",
    name: "Anna Holm",
    values: { Surname: "Holm", "Post Code": "8000" },
  };

  it("refuses to merge unmatched fields, offers Match Fields, then merges with the matches", async () => {
    const host = createFakeHost({
      fields: [
        { name: "Efternavn", form: "mergeField", count: 1 },
        { name: "Postal_Code", form: "mergeField", count: 1 },
        { name: "Surname", form: "mergeField", count: 1 },
      ],
    });
    const { fetch } = createFakeApi({
      getSegment: () => ok(segment),
      getMergeData: () => ok({ items: [data] }),
      listSegmentLines: () => ok({ items: [] }),
    });
    renderWithHost(<MergeView segmentNo="S0001" />, { fetch, host });

    fireEvent.click(screen.getByRole("button", { name: "Merge" }));
    expect(
      await screen.findByText(
        "«Efternavn» is not a Mergeline field: match it or leave it empty before merging.",
      ),
    ).toBeTruthy();
    expect(host.mergeIntoWord).not.toHaveBeenCalled();
    expect(
      screen.getByText(
        "The letter has fields Mergeline does not know (2): match them, or leave them empty, before merging.",
      ),
    ).toBeTruthy();
    // Not "You can merge all the same": the merge refuses them.
    expect(
      screen.getByText(
        "2 errors and 0 warnings in 1 letter. Match the letter's fields before merging.",
      ),
    ).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Match Fields" }));
    const dialog = await findDialog("Match Fields");
    fireEvent.click(dialog.getByRole("button", { name: "Save" }));
    // Saved: the check runs again and finds nothing unmatched.
    await waitFor(() => expect(screen.queryByText(/is not a Mergeline field/)).toBeNull());
    expect(host.checkMerge).toHaveBeenCalled();
    expect(
      await screen.findByText(/Fields of the letter matched to Mergeline's: 2\./),
    ).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Merge" }));
    expect(await screen.findByText("Merged 1 letter into a new document.")).toBeTruthy();
    const [records] = (host.mergeIntoWord as jest.Mock).mock.calls[0];
    expect(records[0].values).toMatchObject({ Efternavn: "Holm", Postal_Code: "8000" });
  });
});
