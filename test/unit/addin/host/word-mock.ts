/// <reference types="office-js" />
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock takes only the OfficeApp names from office-addin-manifest, whose own
// dependencies ship as ES modules Jest does not load; the names are all it needs.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
}));

/**
 * Office.js for the Word host's unit tests, on office-addin-mock: a document with a body (its
 * OOXML), tagged content controls and a selection; Word.run over the mock's context, whose
 * sync() is counted. What Word does with an operation is recorded for the assertions.
 */
export interface FakeControl {
  id: number;
  tag: string;
  title?: string;
  appearance?: string;
  text: string;
}

export interface WordWorld {
  /** context.sync() calls so far. */
  syncs: number;
  /** Every argument load() was called with, per object. */
  loads: { on: string; what: unknown }[];
  /** The body's OOXML, as getOoxml returns it and insertOoxml("Replace") sets it. */
  ooxml: string;
  controls: FakeControl[];
  /** insertOoxml/insertBreak/insertFileFromBase64 calls on the body, in order. */
  bodyOps: { op: string; location: string; length?: number; content?: string }[];
  /** The base64 .docx given to application.createDocument(...).open(). */
  opened: string[];
  /** Syncs Word refused for their payload (WordOptions.refuseAbove). */
  refused: number;
  /** Operations queued on the selection and on new content controls. */
  selectionOps: string[];
}

export interface WordOptions {
  readonly ooxml: string;
  readonly controls?: readonly string[];
  readonly wordApi13?: boolean;
  readonly displayLanguage?: string;
  /** A docx getFileAsync hands over in slices of this size; absent: Word on the web. */
  readonly file?: { bytes: Uint8Array; sliceSize: number };
  /** Office.context.platform; "OfficeOnline" without a file, "PC" with one. */
  readonly platform?: string;
  /**
   * Word refuses a sync carrying a string longer than this (RequestPayloadSizeLimitExceeded),
   * whole: nothing of it happens.
   */
  readonly refuseAbove?: number;
}

/** A ClientResult whose value is there only after a sync, as in Word. */
const clientResult = <T>(world: WordWorld, value: () => T) => {
  const queuedAt = world.syncs;
  return {
    get value(): T {
      if (world.syncs <= queuedAt) throw new Error("ClientResult read before context.sync()");
      return value();
    },
  };
};

export const installWord = (options: WordOptions): WordWorld => {
  const world: WordWorld = {
    syncs: 0,
    loads: [],
    ooxml: options.ooxml,
    controls: (options.controls ?? []).map((tag, index) => ({
      id: index + 1,
      tag,
      title: tag,
      text: `«${tag}»`,
    })),
    bodyOps: [],
    opened: [],
    refused: 0,
    selectionOps: [],
  };
  // The longest string handed to Word since the last sync, and what was done before it.
  let payload = 0;
  const carry = (text: string) => {
    payload = Math.max(payload, text.length);
  };

  const controlItem = (control: FakeControl) => ({
    get id() {
      return control.id;
    },
    get tag() {
      return control.tag;
    },
    get text() {
      return control.text;
    },
    insertText(text: string, location: string) {
      if (location !== "Replace") throw new Error(`unexpected location ${location}`);
      control.text = text;
    },
  });

  const data = {
    host: "word",
    context: {
      document: {
        body: {
          getOoxml() {
            const at = world.ooxml;
            return clientResult(world, () => at);
          },
          insertOoxml(ooxml: string, location: string) {
            carry(ooxml);
            world.bodyOps.push({
              op: "insertOoxml",
              location,
              length: ooxml.length,
              content: ooxml,
            });
            if (location === "Replace") world.ooxml = ooxml;
          },
          insertBreak(type: string, location: string) {
            world.bodyOps.push({ op: `insertBreak:${type}`, location });
          },
          insertFileFromBase64(base64: string, location: string) {
            carry(base64);
            world.bodyOps.push({ op: "insertFileFromBase64", location, length: base64.length });
          },
        },
        contentControls: {
          items: [] as unknown[],
          load(this: OfficeMockObject & { items: unknown[] }, what: unknown) {
            world.loads.push({ on: "contentControls", what });
            // Word hands out fresh proxies per request context; so does the mock.
            (this as unknown as { setValue: (n: string, v: unknown) => void }).setValue(
              "items",
              world.controls.map(controlItem),
            );
            OfficeMockObject.prototype.load.call(this, "items");
            return this;
          },
        },
        selection: {
          insertContentControl() {
            world.selectionOps.push("insertContentControl");
            const control: FakeControl = { id: world.controls.length + 1, tag: "", text: "" };
            world.controls.push(control);
            return {
              set tag(value: string) {
                control.tag = value;
              },
              set title(value: string) {
                control.title = value;
              },
              set appearance(value: string) {
                control.appearance = value;
              },
              insertText(text: string, location: string) {
                world.selectionOps.push(`insertText:${location}`);
                control.text = text;
              },
              getRange(location: string) {
                return {
                  select(mode: string) {
                    world.selectionOps.push(`select:${location}:${mode}`);
                  },
                };
              },
            };
          },
        },
        getSelection(this: { selection: unknown }) {
          return this.selection;
        },
        properties: { title: "Q3 letter" },
      },
      application: {
        createDocument(base64: string) {
          return {
            open() {
              carry(base64);
              world.opened.push(base64);
            },
          };
        },
      },
    },
    run: async function <T>(
      this: { context: unknown },
      batch: (context: unknown) => Promise<T>,
    ): Promise<T> {
      return batch(this.context);
    },
  };

  const word = new OfficeMockObject(data) as unknown as {
    context: { sync: () => Promise<void> };
  };
  const sync = word.context.sync.bind(word.context);
  let before = { bodyOps: 0, opened: 0, ooxml: world.ooxml };
  word.context.sync = async () => {
    world.syncs += 1;
    const carried = payload;
    payload = 0;
    if (options.refuseAbove !== undefined && carried > options.refuseAbove) {
      // Refused whole: what the batch queued is undone.
      world.bodyOps.splice(before.bodyOps);
      world.opened.splice(before.opened);
      world.ooxml = before.ooxml;
      world.refused += 1;
      throw Object.assign(new Error("The request payload size has exceeded the limit."), {
        name: "RichApi.Error",
        code: "RequestPayloadSizeLimitExceeded",
      });
    }
    before = { bodyOps: world.bodyOps.length, opened: world.opened.length, ooxml: world.ooxml };
    await sync();
    // The mock resolves loads level by level in microtasks; let them all land.
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };

  const file = options.file;
  const office = {
    context: {
      displayLanguage: options.displayLanguage ?? "en-US",
      platform: options.platform ?? (file ? "PC" : "OfficeOnline"),
      requirements: {
        isSetSupported: (set: string, version: string) =>
          set === "WordApi" && (version === "1.1" || (options.wordApi13 ?? true)),
      },
      document: {
        url: "https://contoso/Q3%20letter.docx",
        getFileAsync: file
          ? (_type: string, _options: unknown, callback: (result: unknown) => void) => {
              const sliceCount = Math.ceil(file.bytes.length / file.sliceSize);
              callback({
                status: "succeeded",
                value: {
                  sliceCount,
                  getSliceAsync: (index: number, done: (result: unknown) => void) =>
                    done({
                      status: "succeeded",
                      value: {
                        data: Array.from(
                          file.bytes.subarray(index * file.sliceSize, (index + 1) * file.sliceSize),
                        ),
                      },
                    }),
                  closeAsync: () => undefined,
                },
              });
            }
          : undefined,
      },
      officeTheme: { bodyBackgroundColor: "#FFFFFF" },
    },
    FileType: { Compressed: "compressed" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { OfficeThemeChanged: "officeThemeChanged" },
    HostType: { Word: "Word" },
  };

  Object.assign(globalThis, { Word: word, Office: office });
  return world;
};
