import { readFileSync } from "fs";
import { join } from "path";
import type { MergeRecord } from "@shared/merge";
import { createWordHost } from "../../../../addin/host/word";
import { contentControl, flatOpc, mergeField, paragraph, text } from "./letter-ooxml";

/** What the stand-in exposes to the e2e test. */
interface StandIn {
  readonly syncCount: number;
  resetSyncCount(): void;
  documentText(): string;
  contentControls(): { tag: string; title: string; appearance: string; text: string }[];
  mergeFields(): string[];
  readonly openedDocuments: string[];
  openedDocumentText(index: number): Promise<string>;
  setParagraphs(paragraphs: string[]): void;
  setOoxml(flatOpc: string): void;
  placeCursorAfter(text: string): boolean;
}

const SOURCE = readFileSync(join(__dirname, "../../../e2e/word-stand-in/office.js"), "utf8");

/** Loads the stand-in as the e2e page does, into this test's globals. */
const loadStandIn = (config: Record<string, unknown> = {}): StandIn => {
  Object.assign(globalThis, { __wordStandInConfig: config });
  new Function(SOURCE)();
  return (globalThis as unknown as { __wordStandIn: StandIn }).__wordStandIn;
};

const record = (i: number): MergeRecord => ({
  values: { "First Name": `Person ${i}`, City: `City ${i}` },
  fileName: `Person ${i}`,
});

afterEach(() => {
  for (const name of ["Word", "Office", "__wordStandIn", "__wordStandInConfig"]) {
    Reflect.deleteProperty(globalThis, name);
  }
});

describe("the Word stand-in for the e2e test, driven by the Word host", () => {
  it("inserts fields at the cursor, one sync each, and lists them", async () => {
    const word = loadStandIn({ paragraphs: ["Dear ,", "Yours"] });
    word.placeCursorAfter("Dear ");
    const host = createWordHost();
    await host.insertField("First Name");
    expect(word.syncCount).toBe(1);
    expect(word.documentText()).toBe("Dear «First Name»,\nYours");
    expect(word.contentControls()).toEqual([
      { tag: "First Name", title: "First Name", appearance: "BoundingBox", text: "«First Name»" },
    ]);

    // The cursor moved after the field: the next one follows it.
    await host.insertField("City");
    expect(word.documentText()).toBe("Dear «First Name»«City»,\nYours");

    word.resetSyncCount();
    expect(await host.listFields()).toEqual([
      { name: "First Name", form: "contentControl", count: 1 },
      { name: "City", form: "contentControl", count: 1 },
    ]);
    expect(word.syncCount).toBe(1);
  });

  it("previews contacts in the content controls and brings the field codes back", async () => {
    const word = loadStandIn({ paragraphs: ["Dear ,"] });
    word.placeCursorAfter("Dear ");
    const host = createWordHost();
    await host.insertField("First Name");
    const letter = word.documentText();

    word.resetSyncCount();
    await host.previewRecord(record(1));
    expect(word.syncCount).toBe(2);
    expect(word.documentText()).toBe("Dear Person 1,");
    await host.previewRecord(record(2));
    expect(word.documentText()).toBe("Dear Person 2,");
    await host.showFieldCodes();
    expect(word.documentText()).toBe(letter);
    expect(word.syncCount).toBe(6);
  });

  it("previews a letter with MERGEFIELDs through its OOXML and restores it", async () => {
    const word = loadStandIn();
    word.setOoxml(
      flatOpc(
        paragraph(text("Dear "), mergeField("First Name"), text(" of "), contentControl("City")),
      ),
    );
    const host = createWordHost();
    await host.previewRecord(record(4));
    expect(word.documentText()).toBe("Dear Person 4 of City 4");
    expect(word.contentControls().map((c) => c.tag)).toEqual(["City"]);
    await host.showFieldCodes();
    expect(word.documentText()).toBe("Dear «First Name» of «City»");
    expect(word.mergeFields()).toEqual(["First Name"]);
  });

  it.each([5, 500])("merges %i contacts into a new document in two syncs", async (count) => {
    const word = loadStandIn({ paragraphs: ["Dear ,"] });
    word.placeCursorAfter("Dear ");
    const host = createWordHost();
    await host.insertField("First Name");
    word.resetSyncCount();

    await host.mergeIntoWord(Array.from({ length: count }, (_, i) => record(i + 1)));
    expect(word.syncCount).toBe(2);
    expect(word.openedDocuments).toHaveLength(1);
    const merged = await word.openedDocumentText(0);
    expect(merged.startsWith("Dear Person 1,")).toBe(true);
    expect(merged).toContain(`Dear Person ${count},`);
  });

  it("appends the letters after a section break where WordApi 1.3 is missing", async () => {
    const word = loadStandIn({ paragraphs: ["Dear ,"], wordApi: "1.1" });
    word.placeCursorAfter("Dear ");
    const host = createWordHost();
    expect(host.capabilities.mergeInto).toBe("appendToDocument");
    await host.insertField("First Name");
    word.resetSyncCount();

    await host.mergeIntoWord([record(1), record(2)]);
    expect(word.syncCount).toBe(2);
    expect(word.openedDocuments).toEqual([]);
    expect(word.documentText().split("\f")[0]).toBe("Dear «First Name»,\n");
    expect(word.documentText()).toContain("Dear Person 1,");
    expect(word.documentText()).toContain("Dear Person 2,");
  });

  it("opens a .docx by replacing the body where WordApi 1.3 is missing", async () => {
    const word = loadStandIn({ paragraphs: ["old"], wordApi: "1.1" });
    const host = createWordHost();
    const letter = await (async () => {
      word.setOoxml(flatOpc(paragraph(text("Hello "), contentControl("City"))));
      const file = await host.currentDocx();
      word.setParagraphs(["old"]);
      return file;
    })();
    await host.openDocument(letter as NonNullable<typeof letter>);
    expect(word.documentText()).toBe("Hello «City»");
  });

  it("refuses reads that were not loaded and synced, as Word does", async () => {
    loadStandIn();
    await expect(
      Word.run(async (context) => {
        const controls = context.document.contentControls.load("items/tag");
        return controls.items.length;
      }),
    ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
    await expect(
      Word.run(async (context) => {
        const controls = context.document.contentControls.load("items/tag");
        await context.sync();
        return controls.items.map((c) => c.text);
      }),
    ).resolves.toEqual([]);
  });

  it("refuses a payload over Word on the web's 4 MB with RequestPayloadSizeLimitExceeded, doing none of it", async () => {
    const word = loadStandIn({ paragraphs: ["Dear ,"], wordApi: "1.1" });
    const over = "x".repeat(4 * 1024 * 1024 + 1);
    await expect(
      Word.run(async (context) => {
        context.document.body.insertBreak("SectionNext", "End");
        context.document.body.insertFileFromBase64(over, "End");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(word.documentText()).toBe("Dear ,");
  });

  it("lets the Word host hand back the merge as a file when Word refuses its size", async () => {
    // A stricter Word: the host's own 4 MB check passes, the stand-in refuses.
    const word = loadStandIn({ paragraphs: ["Dear ,"], wordApi: "1.1", payloadLimit: 2_000 });
    const outcome = await createWordHost().mergeIntoWord(
      Array.from({ length: 40 }, (_, i) => record(i + 1)),
    );
    expect(outcome).toMatchObject({ destination: "file", letters: 40 });
    expect(outcome).not.toHaveProperty("limit");
    expect(word.documentText()).toBe("Dear ,");
  });
});
