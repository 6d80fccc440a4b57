import { readTemplate } from "@shared/merge";
import { base64ToBytes } from "@shared/merge/package/base64";
import type { MergeRecord } from "@shared/merge";
import { unzipSync, strFromU8 } from "fflate";
import { createWordHost } from "../../../../addin/host/word";
import { contentControl, flatOpc, mergeField, paragraph, text } from "./letter-ooxml";
import { installWord } from "./word-mock";

const controlLetter = flatOpc(
  paragraph(text("Dear "), contentControl("First Name", 1), text(",")),
  paragraph(text("We write to you in "), contentControl("City", 2), text(".")),
);
const controlTags = ["First Name", "City"];
const mergeFieldLetter = flatOpc(
  paragraph(text("Dear "), mergeField("FirstName"), text(",")),
  paragraph(contentControl("City", 1)),
);

const record = (i: number): MergeRecord => ({
  values: { "First Name": `Person ${i}`, FirstName: `Person ${i}`, City: `City ${i}` },
  language: "da-DK",
  fileName: `Person ${i}`,
});
const records = (n: number) => Array.from({ length: n }, (_, i) => record(i + 1));

const documentXml = (docx: Uint8Array): string =>
  strFromU8(unzipSync(docx)["word/document.xml"] as Uint8Array);

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Word;
  delete (globalThis as Record<string, unknown>).Office;
});

describe("Word host: insert a field", () => {
  it("inserts a tagged, titled content control showing «name» at the cursor in one sync", async () => {
    const world = installWord({ ooxml: controlLetter });
    await createWordHost().insertField("First Name");

    expect(world.syncs).toBe(1);
    expect(world.controls.at(-1)).toEqual({
      id: 1,
      tag: "First Name",
      title: "First Name",
      appearance: "BoundingBox",
      text: "«First Name»",
    });
    // WordApi 1.3: the cursor moves after the field, still in the same round trip.
    expect(world.selectionOps).toEqual([
      "insertContentControl",
      "insertText:Replace",
      "select:After:Start",
    ]);
  });

  it("leaves the cursor alone on WordApi 1.1, still one sync", async () => {
    const world = installWord({ ooxml: controlLetter, wordApi13: false });
    await createWordHost().insertField("City");
    expect(world.syncs).toBe(1);
    expect(world.selectionOps).toEqual(["insertContentControl", "insertText:Replace"]);
  });
});

describe("Word host: list the fields in the document", () => {
  it("lists tagged content controls and Word MERGEFIELDs, counted, in one sync", async () => {
    const world = installWord({
      ooxml: mergeFieldLetter,
      controls: ["City", "Salesperson Name", "City"],
    });
    const fields = await createWordHost().listFields();

    expect(world.syncs).toBe(1);
    expect(fields).toEqual([
      { name: "City", form: "contentControl", count: 2 },
      { name: "Salesperson Name", form: "contentControl", count: 1 },
      { name: "FirstName", form: "mergeField", count: 1 },
    ]);
    expect(world.loads).toEqual([{ on: "contentControls", what: "items/tag" }]);
  });
});

describe("Word host: preview", () => {
  it("fills each content control with the contact's value and brings the field codes back, two syncs each", async () => {
    const world = installWord({ ooxml: controlLetter, controls: controlTags });
    const host = createWordHost();
    const changes = jest.fn();
    host.onDocumentChange(changes);

    await host.previewRecord(record(7));
    expect(world.syncs).toBe(2);
    expect(world.controls.map((c) => c.text)).toEqual(["Person 7", "City 7"]);
    expect(host.documentMode()).toBe("preview");
    // The body's OOXML is untouched: only the controls' text changed.
    expect(world.bodyOps).toEqual([]);

    await host.previewRecord(record(8));
    expect(world.syncs).toBe(4);
    expect(world.controls.map((c) => c.text)).toEqual(["Person 8", "City 8"]);

    await host.showFieldCodes();
    expect(world.syncs).toBe(6);
    expect(world.controls.map((c) => c.text)).toEqual(["«First Name»", "«City»"]);
    expect(host.documentMode()).toBe("letter");
    expect(changes).toHaveBeenCalledTimes(2);
    // Loads name what they read: the first preview remembers each control's text by its id.
    expect(world.loads.map((load) => load.what)).toEqual([
      "items/id,items/tag,items/text",
      "items/tag",
      "items/id,items/tag",
    ]);
  });

  it("puts back exactly what each control showed before the preview", async () => {
    const world = installWord({ ooxml: controlLetter, controls: controlTags });
    (world.controls[1] as { text: string }).text = "Aarhus (typed by hand)";
    const host = createWordHost();
    await host.previewRecord(record(1));
    await host.previewRecord(record(2));
    await host.showFieldCodes();
    expect(world.controls.map((c) => c.text)).toEqual(["«First Name»", "Aarhus (typed by hand)"]);
  });

  it("previews a letter with MERGEFIELDs through the engine and restores its OOXML exactly", async () => {
    const world = installWord({ ooxml: mergeFieldLetter, controls: ["City"] });
    const host = createWordHost();

    await host.previewRecord(record(1));
    expect(world.syncs).toBe(2);
    const shown = world.bodyOps.at(-1);
    expect(shown).toMatchObject({ op: "insertOoxml", location: "Replace" });
    expect(shown?.content).toContain("Person 1");
    expect(shown?.content).not.toContain("MERGEFIELD");
    // The content control stays, showing the value, so the preview can step on.
    expect(shown?.content).toContain('<w:tag w:val="City"/>');

    // The letter is kept aside: each further contact is one round trip.
    await host.previewRecord(record(2));
    expect(world.syncs).toBe(3);
    expect(world.bodyOps.at(-1)?.content).toContain("Person 2");

    await host.showFieldCodes();
    expect(world.syncs).toBe(4);
    expect(world.ooxml).toBe(mergeFieldLetter);
    expect(host.documentMode()).toBe("letter");
  });

  it("lists the letter's fields while previewing without asking Word", async () => {
    const world = installWord({ ooxml: mergeFieldLetter, controls: ["City"] });
    const host = createWordHost();
    await host.previewRecord(record(1));
    const before = world.syncs;
    const fields = await host.listFields();
    expect(world.syncs).toBe(before);
    expect(fields.map((f) => f.name)).toEqual(["FirstName", "City"]);
  });
});

describe("Word host: merge", () => {
  it.each([5, 500])(
    "merges %i records into a new document in two syncs (WordApi 1.3)",
    async (count) => {
      const world = installWord({ ooxml: controlLetter, controls: controlTags });
      const outcome = await createWordHost().mergeIntoWord(records(count));

      expect(world.syncs).toBe(2);
      expect(outcome).toEqual({ destination: "newDocument", letters: count });
      expect(world.opened).toHaveLength(1);
      const xml = documentXml(base64ToBytes(world.opened[0] as string));
      expect(xml).toContain(`Person ${count}`);
      expect(xml.match(/<w:sectPr/g)).toHaveLength(count);
      expect(world.bodyOps).toEqual([]);
    },
  );

  it.each([5, 500])(
    "appends %i records after a next-page section break in two syncs (WordApi 1.1)",
    async (count) => {
      const world = installWord({ ooxml: controlLetter, controls: controlTags, wordApi13: false });
      const outcome = await createWordHost().mergeIntoWord(records(count));

      expect(world.syncs).toBe(2);
      expect(outcome).toEqual({ destination: "appendToDocument", letters: count });
      expect(world.opened).toEqual([]);
      expect(world.bodyOps.map((op) => `${op.op}@${op.location}`)).toEqual([
        "insertBreak:SectionNext@End",
        "insertOoxml@End",
      ]);
      const merged = world.bodyOps[1]?.content ?? "";
      expect(readTemplate(merged).fields).toEqual([]);
      expect(merged).toContain(`Person ${count}`);
    },
  );

  it("merges from a MERGEFIELD preview with the letter kept aside: field codes back, then appended, one sync", async () => {
    const world = installWord({ ooxml: mergeFieldLetter, controls: ["City"], wordApi13: false });
    const host = createWordHost();
    await host.previewRecord(record(1));
    const before = world.syncs;
    await host.mergeIntoWord(records(3));
    expect(world.syncs - before).toBe(1);
    expect(world.bodyOps.slice(-3).map((op) => `${op.op}@${op.location}`)).toEqual([
      "insertOoxml@Replace",
      "insertBreak:SectionNext@End",
      "insertOoxml@End",
    ]);
    expect(world.ooxml).toBe(mergeFieldLetter);
    expect(host.documentMode()).toBe("letter");
  });

  it("stops before Word is touched when the merge is canceled", async () => {
    const world = installWord({ ooxml: controlLetter, controls: controlTags });
    const abort = new AbortController();
    abort.abort();
    await expect(
      createWordHost().mergeIntoWord(records(5), { signal: abort.signal }),
    ).rejects.toThrow();
    expect(world.syncs).toBe(0);
    expect(world.opened).toEqual([]);
  });
});

describe("Word host: check for errors", () => {
  it("checks the letter against the records in one sync", async () => {
    const world = installWord({ ooxml: controlLetter, controls: controlTags });
    const issues = await createWordHost().checkMerge([
      { values: { "First Name": "Jens" }, fileName: "Jens Hansen" },
    ]);
    expect(world.syncs).toBe(1);
    expect(issues.map((issue) => issue.code)).toEqual(["field_without_data"]);
    expect(issues[0]?.params).toMatchObject({ field: "City" });
  });
});

describe("Word host: customize one contact's letter", () => {
  it("replaces the body with the contact's letter without fields, and restores the letter", async () => {
    const world = installWord({ ooxml: controlLetter, controls: controlTags });
    const host = createWordHost();

    await host.customizeRecord(record(3));
    expect(world.syncs).toBe(2);
    expect(host.documentMode()).toBe("customize");
    expect(world.ooxml).toContain("Person 3");
    expect(world.ooxml).not.toContain("<w:sdt>");

    await host.showFieldCodes();
    expect(world.syncs).toBe(3);
    expect(world.ooxml).toBe(controlLetter);
  });

  it("from a content-control preview puts the field codes back before keeping the letter, three syncs", async () => {
    const world = installWord({ ooxml: controlLetter, controls: controlTags });
    const host = createWordHost();
    await host.previewRecord(record(1));
    const before = world.syncs;
    await host.customizeRecord(record(2));
    expect(world.syncs - before).toBe(3);
    expect(world.controls.map((c) => c.text)).toEqual(["«First Name»", "«City»"]);
  });
});

describe("Word host: documents", () => {
  it("opens a template's letter as a new document on WordApi 1.3, one sync", async () => {
    const world = installWord({ ooxml: controlLetter });
    await createWordHost().openDocument({ fileName: "a.docx", bytes: new Uint8Array([1, 2, 3]) });
    expect(world.syncs).toBe(1);
    expect(world.opened).toEqual(["AQID"]);
  });

  it("replaces the body with it on WordApi 1.1, one sync", async () => {
    const world = installWord({ ooxml: controlLetter, wordApi13: false });
    await createWordHost().openDocument({ fileName: "a.docx", bytes: new Uint8Array([1, 2, 3]) });
    expect(world.syncs).toBe(1);
    expect(world.bodyOps).toEqual([{ op: "insertFileFromBase64", location: "Replace", length: 4 }]);
  });

  it("builds the .docx from the body's OOXML where getFileAsync is missing (Word on the web)", async () => {
    installWord({ ooxml: controlLetter, controls: controlTags });
    const file = await createWordHost().letterDocx();
    expect(file?.fileName).toBe("Q3 letter.docx");
    expect(readTemplate(file?.bytes as Uint8Array).fieldNames).toEqual(["First Name", "City"]);
  });

  it("takes the whole file from getFileAsync, slice by slice, where Word has it", async () => {
    const bytes = new Uint8Array(10_000).map((_, i) => i % 251);
    const world = installWord({ ooxml: controlLetter, file: { bytes, sliceSize: 4096 } });
    const file = await createWordHost().currentDocx();
    expect(file?.bytes).toEqual(bytes);
    // Only the title asked Word for anything.
    expect(world.syncs).toBe(1);
  });
});

describe("Word host: language and theme", () => {
  it("follows Office's display language and theme", () => {
    installWord({ ooxml: controlLetter, displayLanguage: "da-DK" });
    const host = createWordHost();
    expect(host.displayLanguage).toBe("da-DK");
    expect(host.theme()).toBe("light");
    (Office.context.officeTheme as { bodyBackgroundColor: string }).bodyBackgroundColor = "#262626";
    expect(host.theme()).toBe("dark");
  });
});
