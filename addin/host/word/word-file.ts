/// <reference types="office-js" />
import type { NamedFile } from "../host";
import type { LetterEngine } from "../load-letter-engine";
import { LETTER, type LetterStateHolder } from "./letter-state";
import { hasWordApi13 } from "./requirements";

/** Office hands the file over in slices; 4 MB is the largest it allows. */
const SLICE_SIZE = 4 * 1024 * 1024;

const concat = (slices: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(slices.reduce((sum, slice) => sum + slice.length, 0));
  let at = 0;
  for (const slice of slices) {
    out.set(slice, at);
    at += slice.length;
  }
  return out;
};

/**
 * The whole document as Word saves it (headers, footers, everything): getFileAsync in its
 * compressed form. Undefined where Word does not offer it (Word on the web), so the caller
 * builds the file from the body's OOXML instead.
 */
export const documentFile = (): Promise<Uint8Array | undefined> =>
  new Promise((resolve) => {
    const document = Office.context.document;
    if (
      String(Office.context.platform) === "OfficeOnline" ||
      typeof document?.getFileAsync !== "function"
    ) {
      resolve(undefined);
      return;
    }
    document.getFileAsync(Office.FileType.Compressed, { sliceSize: SLICE_SIZE }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) {
        resolve(undefined);
        return;
      }
      const file = opened.value;
      const slices: Uint8Array[] = [];
      // Slices come one after another: Office keeps one file open per document and add-in.
      const read = (index: number): void => {
        if (index === file.sliceCount) {
          file.closeAsync();
          resolve(concat(slices));
          return;
        }
        file.getSliceAsync(index, (slice) => {
          if (slice.status !== Office.AsyncResultStatus.Succeeded) {
            file.closeAsync();
            resolve(undefined);
            return;
          }
          const data: unknown = slice.value.data;
          slices.push(data instanceof Uint8Array ? data : new Uint8Array(data as number[]));
          read(index + 1);
        });
      };
      read(0);
    });
  });

/** The body as flat OPC, one round trip. */
const bodyOoxml = (): Promise<string> =>
  Word.run(async (context) => {
    const ooxml = context.document.body.getOoxml();
    await context.sync();
    return ooxml.value;
  });

/** The document as it is now as a .docx: getFileAsync where it exists, else the body's OOXML. */
export const currentDocx = async (engine: LetterEngine): Promise<Uint8Array> =>
  (await documentFile()) ?? engine.flatOpcToDocx(await bodyOoxml());

/** The letter with its fields: the one kept aside during a preview, else the document. */
export const letterDocx = async (
  engine: LetterEngine,
  letter: LetterStateHolder,
): Promise<Uint8Array> => {
  const saved = letter.ooxml;
  return saved ? engine.flatOpcToDocx(saved.original) : currentDocx(engine);
};

/**
 * Opens a .docx (an interaction template's letter): as a new document where Word can
 * (WordApi 1.3), else as this document's content. One round trip.
 */
export const openDocument = async (
  engine: LetterEngine,
  letter: LetterStateHolder,
  file: NamedFile,
): Promise<void> => {
  const base64 = engine.bytesToBase64(file.bytes);
  const newDocument = hasWordApi13();
  await Word.run(async (context) => {
    if (newDocument) context.application.createDocument(base64).open();
    else context.document.body.insertFileFromBase64(base64, "Replace");
    await context.sync();
  });
  // The body is another letter now: nothing kept aside belongs to it.
  if (!newDocument) letter.set(LETTER);
};
