import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { LetterView } from "../../../../../addin/features/letter/letter-view";
import { createBrowserHost } from "../../../../../addin/host/browser";
import { flatOpcToDocx } from "../../../../../addin/host/letter-engine";
import type { Segment } from "@shared/model/segment";
import { aSegment, createFakeApi, ok, stamp } from "../../fake-api";
import { seriousViolations, findDialog } from "../../render-pane";
import { createFakeHost } from "../../host/fake-host";
import { contentControl, flatOpc, paragraph, text } from "../../host/letter-ooxml";
import { renderWithHost, withFiles } from "../../host/render-with-host";

const segment = (overrides: Partial<Segment> = {}) =>
  aSegment({
    no: "S0001",
    description: "Autumn letter",
    date: "2026-09-01",
    noOfLines: 3,
    interactionTemplateCode: "LETTER",
    languageCode: "da-DK",
    ...overrides,
  });

const template = {
  code: "LETTER",
  description: "Letter",
  unitCost: 0,
  unitDuration: 0,
  ignoreContactCorrespondenceType: false,
  campaignTarget: false,
  campaignResponse: false,
  attachments: [
    {
      languageCode: "da-DK",
      fileName: "Brev.docx",
      size: 4,
      uploadedAt: "2026-01-01T00:00:00Z",
    },
  ],
  ...stamp,
};

const mergeFields = {
  items: [
    { name: "First Name", group: "contact", label: { "en-US": "First Name", "da-DK": "Fornavn" } },
    { name: "City", group: "contact", label: { "en-US": "City", "da-DK": "By" } },
    {
      name: "Company Name",
      group: "company",
      label: { "en-US": "Company Name", "da-DK": "Virksomhedsnavn" },
    },
    { name: "Today", group: "date", label: { "en-US": "Today", "da-DK": "I dag" } },
  ],
};

const api = (overrides: Parameters<typeof createFakeApi>[0] = {}) =>
  createFakeApi({
    listMergeFields: () => ok(mergeFields),
    getSegment: () => ok(segment()),
    getInteractionTemplate: () => ok(template),
    ...overrides,
  });

describe("LetterView in Word", () => {
  it("lists the fields by group, searches them, and inserts the one clicked", async () => {
    const host = createFakeHost({
      fields: [{ name: "First Name", form: "contentControl", count: 1 }],
    });
    const { fetch } = api();
    renderWithHost(<LetterView segmentNo="S0001" />, { fetch, host });

    const contact = await screen.findByRole("group", { name: "Contact" });
    expect(
      within(contact)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["First Name", "City"]);
    expect(screen.getByRole("group", { name: "Company" })).toBeTruthy();

    fireEvent.change(screen.getByRole("searchbox", { name: "Search fields" }), {
      target: { value: "comp" },
    });
    expect(screen.queryByRole("group", { name: "Contact" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Insert merge field Company Name" }));

    await screen.findByText("Inserted «Company Name».");
    expect(host.insertField).toHaveBeenCalledWith("Company Name");
    // The list of fields in the document is read again after the insert.
    await waitFor(() => expect(screen.getByText("«Company Name»")).toBeTruthy());
    expect(await seriousViolations()).toEqual([]);
  });

  it("warns about fields in the document that no contact provides, with the reason", async () => {
    const host = createFakeHost({
      fields: [
        { name: "First Name", form: "contentControl", count: 2 },
        { name: "Shoe Size", form: "mergeField", count: 1 },
      ],
    });
    renderWithHost(<LetterView segmentNo="S0001" />, { fetch: api().fetch, host });

    const warning = await screen.findByRole("img", { name: /No contact provides «Shoe Size»/ });
    expect(warning.getAttribute("tabindex")).toBe("0");
    expect(screen.getByText("1 field in the letter that no contact provides.")).toBeTruthy();
    expect(screen.queryByRole("img", { name: /First Name/ })).toBeNull();
    expect(await seriousViolations()).toEqual([]);
  });

  it("says so when the field list is not available, and still lists the document's fields", async () => {
    const host = createFakeHost({ fields: [{ name: "City", form: "contentControl", count: 1 }] });
    // No handler for listMergeFields: the fake answers 501 as the server does today.
    const { fetch } = createFakeApi({
      getSegment: () => ok(segment()),
      getInteractionTemplate: () => ok(template),
    });
    renderWithHost(<LetterView segmentNo="S0001" />, { fetch, host });

    expect(await screen.findByText("Not available yet")).toBeTruthy();
    expect(await screen.findByText("«City»")).toBeTruthy();
    // Without the field list there is nothing to compare with: no warnings.
    expect(screen.queryByRole("img")).toBeNull();
  });

  it("says the API is unreachable rather than going blank", async () => {
    const host = createFakeHost();
    const down = (async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof globalThis.fetch;
    renderWithHost(<LetterView segmentNo="S0001" />, { fetch: down, host });
    expect((await screen.findAllByText("API unreachable")).length).toBeGreaterThan(0);
    expect(screen.getByRole("heading", { name: "Write the letter" })).toBeTruthy();
  });

  it("opens the template's letter in the segment's language as a new document", async () => {
    const host = createFakeHost();
    const docx = new Uint8Array([80, 75, 5, 6]);
    const fetch = withFiles(api().fetch, {
      "/interaction-templates/LETTER/attachments/da-DK": () => new Blob([docx]),
    });
    renderWithHost(<LetterView segmentNo="S0001" />, { fetch, host });

    expect(
      await screen.findByText("Opens Brev.docx (template LETTER) as a new document."),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Open the template's letter" }));
    await screen.findByText("Opened Brev.docx.");
    expect(host.openDocument).toHaveBeenCalledWith({ fileName: "Brev.docx", bytes: docx });
  });

  it("asks before replacing the document's content where Word cannot open a new one", async () => {
    const host = createFakeHost({ capabilities: { openDocument: "replaceContent" } });
    const fetch = withFiles(api().fetch, {
      "/interaction-templates/LETTER/attachments/da-DK": () => new Blob([new Uint8Array([1])]),
    });
    renderWithHost(<LetterView segmentNo="S0001" />, { fetch, host });

    fireEvent.click(await screen.findByRole("button", { name: "Open the template's letter" }));
    const dialog = await findDialog("Replace the document's content?");
    expect(host.openDocument).not.toHaveBeenCalled();
    const replace = dialog.getByRole("button", { name: "Replace" });
    expect(await seriousViolations()).toEqual([]);
    fireEvent.click(replace);
    await waitFor(() => expect(host.openDocument).toHaveBeenCalled());
  });

  it("explains a segment without an interaction template", async () => {
    const host = createFakeHost();
    const { fetch } = api({
      getSegment: () => ok(segment({ interactionTemplateCode: undefined })),
    });
    renderWithHost(<LetterView segmentNo="S0001" />, { fetch, host });
    expect(await screen.findByText(/This segment has no interaction template/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Open the template's letter" })).toBeNull();
  });

  it("speaks Danish in a Danish Word", async () => {
    const host = createFakeHost({ language: "da-DK" });
    renderWithHost(<LetterView segmentNo="S0001" />, { fetch: api().fetch, host });
    expect(await screen.findByRole("button", { name: "Indsæt flettefelt Fornavn" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Skriv brevet" })).toBeTruthy();
    expect(screen.getByRole("group", { name: "Virksomhed" })).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });
});

describe("LetterView in a browser", () => {
  it("takes the letter as an upload and lists its fields", async () => {
    const host = createBrowserHost("en-US");
    renderWithHost(<LetterView segmentNo="S0001" />, { fetch: api().fetch, host });

    expect(await screen.findByText("Upload a letter to see its fields.")).toBeTruthy();
    expect(screen.getByText(/Select a field to copy its field code\. .*Ctrl\+F9/)).toBeTruthy();
    const docx = flatOpcToDocx(flatOpc(paragraph(text("Dear "), contentControl("Shoe Size"))));
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File([docx as BlobPart], "Autumn.docx")] } });
    });
    expect(await screen.findByText("Letter: Autumn.docx")).toBeTruthy();
    expect(
      await screen.findByRole("img", { name: /No contact provides «Shoe Size»/ }),
    ).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });
});

describe("LetterView in a browser: copying a field for Word", () => {
  it("copies the field's code (MERGEFIELD with the name quoted), which the merge reads as that field", async () => {
    const writeText = jest.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const host = createBrowserHost("da-DK");
    renderWithHost(<LetterView segmentNo="S0001" />, { fetch: api().fetch, host });

    // The button's name is what it shows (label and «name»): no label-content-name-mismatch.
    const button = await screen.findByRole("button", { name: "Virksomhedsnavn «Company Name»" });
    await act(async () => {
      fireEvent.click(button);
    });
    expect(writeText).toHaveBeenCalledWith('MERGEFIELD "Company Name"');
    expect(await screen.findByText(/Kopierede MERGEFIELD "Company Name"\./)).toBeTruthy();

    // Pasted between Ctrl+F9's braces, the code is a Word field the merge engine fills in.
    const pasted = flatOpcToDocx(
      flatOpc(
        paragraph(
          text("Til "),
          `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${writeText.mock.calls[0]?.[0] ?? ""}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`,
        ),
      ),
    );
    await act(async () => {
      await host.openDocument({ fileName: "Brev.docx", bytes: pasted });
    });
    expect(await host.listFields()).toEqual([
      { name: "Company Name", form: "mergeField", count: 1 },
    ]);
    const merged = await host.recordLetter?.({ values: { "Company Name": "Nord A/S" } });
    expect(Buffer.from(merged ?? []).length).toBeGreaterThan(0);
    const { unzipSync, strFromU8 } = await import("fflate");
    const body = strFromU8(unzipSync(merged as Uint8Array)["word/document.xml"] as Uint8Array);
    expect(body.replace(/<[^>]+>/g, "")).toContain("Til Nord A/S");
    expect(await seriousViolations()).toEqual([]);
  });
});
