import { createBrowserHost } from "../../../../addin/host/browser";
import { flatOpcToDocx } from "../../../../addin/host/letter-engine";
import { contentControl, flatOpc, mergeField, paragraph, text } from "./letter-ooxml";

const letter = () =>
  flatOpcToDocx(
    flatOpc(paragraph(text("Dear "), contentControl("First Name"), text(" "), mergeField("City"))),
  );

describe("browser host", () => {
  it("has no open document: the letter is an upload, read by the engine in the page", async () => {
    const host = createBrowserHost("en-US");
    expect(host.capabilities).toEqual({
      source: "upload",
      insertField: false,
      previewInDocument: false,
      mergeInto: "download",
      openDocument: "useAsTemplate",
    });
    expect(await host.listFields()).toEqual([]);

    const changed = jest.fn();
    host.onDocumentChange(changed);
    const bytes = letter();
    await host.openDocument({ fileName: "Q3.docx", bytes });
    expect(changed).toHaveBeenCalledTimes(1);
    expect(await host.listFields()).toEqual([
      { name: "First Name", form: "contentControl", count: 1 },
      { name: "City", form: "mergeField", count: 1 },
    ]);
    expect(await host.letterDocx()).toEqual({ fileName: "Q3.docx", bytes });
    const issues = await host.checkMerge([{ values: { "First Name": "Jens" } }]);
    expect(issues.map((issue) => issue.code)).toEqual(["field_without_data"]);
  });

  it("refuses a file that is not a Word document at the upload", async () => {
    const host = createBrowserHost("en-US");
    await expect(
      host.openDocument({ fileName: "x.docx", bytes: new TextEncoder().encode("hello") }),
    ).rejects.toMatchObject({ name: "TemplateError", code: "not_a_zip" });
  });

  it("cannot insert fields or merge into Word", async () => {
    const host = createBrowserHost("en-US");
    await expect(host.insertField("City")).rejects.toMatchObject({ name: "HostCapabilityError" });
    await expect(host.mergeIntoWord([])).rejects.toMatchObject({ name: "HostCapabilityError" });
  });
});

describe("browser host: the letter belongs to the open segment", () => {
  it("forgets the letter when the segment is left, telling the views", async () => {
    const host = createBrowserHost("en-US");
    await host.openDocument({ fileName: "A.docx", bytes: letter() });
    const changed = jest.fn();
    host.onDocumentChange(changed);
    host.forgetLetter?.();
    expect(changed).toHaveBeenCalledTimes(1);
    expect(await host.letterDocx()).toBeUndefined();
    expect(await host.listFields()).toEqual([]);
  });

  it("drops a letter still being read when the segment it was for is left", async () => {
    const host = createBrowserHost("en-US");
    const reading = host.openDocument({ fileName: "A.docx", bytes: letter() });
    host.forgetLetter?.();
    await reading;
    expect(await host.letterDocx()).toBeUndefined();
  });

  it("gives a contact's letter as a .docx with their values, for the pane to draw", async () => {
    const host = createBrowserHost("en-US");
    expect(await host.recordLetter?.({ values: {} })).toBeUndefined();
    await host.openDocument({ fileName: "A.docx", bytes: letter() });
    const merged = await host.recordLetter?.({ values: { "First Name": "Jens", City: "Aarhus" } });
    const { unzipSync, strFromU8 } = await import("fflate");
    const body = strFromU8(unzipSync(merged as Uint8Array)["word/document.xml"] as Uint8Array);
    expect(body.replace(/<[^>]+>/g, "")).toContain("Dear Jens Aarhus");
  });
});
