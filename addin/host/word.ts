/// <reference types="office-js" />
import { downloadFile } from "./download";
import type { DocumentCapabilities, NamedFile, PaneHost } from "./host";
import { loadLetterEngine } from "./load-letter-engine";
import { LetterStateHolder } from "./word/letter-state";
import { hasWordApi13 } from "./word/requirements";
import { insertField, listFields } from "./word/word-fields";
import { currentDocx, letterDocx, openDocument } from "./word/word-file";
import { checkMerge, mergeIntoWord } from "./word/word-merge";
import { customizeRecord, previewRecord, showFieldCodes } from "./word/word-preview";
import { wordSignIn } from "./word/word-sign-in";
import { officeTheme, onOfficeThemeChange } from "./word/word-theme";

/** The last path segment without its extension: "Q3 letter" from ".../Q3%20letter.docx". */
const fileNameOf = (url: string): string => {
  const last = url.split(/[\\/]/).pop() ?? "";
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // A malformed escape is still a usable name as it stands.
  }
  return name.replace(/\.[^.]+$/, "");
};

const documentTitle = async (): Promise<string> => {
  // document.properties needs WordApi 1.3; the manifest only requires 1.1, so older Word
  // falls back to the file name, which the common API has everywhere.
  if (hasWordApi13()) {
    const title = await Word.run(async (context) => {
      const properties = context.document.properties.load("title");
      await context.sync();
      return properties.title;
    });
    if (title) return title;
  }
  return fileNameOf(Office.context.document?.url ?? "");
};

const capabilities = (): DocumentCapabilities => {
  const newDocument = hasWordApi13();
  return {
    source: "open",
    insertField: true,
    previewInDocument: true,
    mergeInto: newDocument ? "newDocument" : "appendToDocument",
    openDocument: newDocument ? "newDocument" : "replaceContent",
  };
};

/**
 * The pane inside Word. Every Office.js call of the add-in lives in this file and in word/;
 * each user action takes a constant number of context.sync() round trips.
 */
export const createWordHost = (): PaneHost => {
  const displayLanguage = Office.context.displayLanguage || "en-US";
  const letter = new LetterStateHolder();
  const preview = async () => ({
    engine: await loadLetterEngine(),
    letter,
    language: displayLanguage,
  });
  const named = async (bytes: Promise<Uint8Array>): Promise<NamedFile> => {
    const [content, title] = await Promise.all([bytes, documentTitle().catch(() => "")]);
    return { bytes: content, fileName: `${title || "Letter"}.docx` };
  };

  return {
    kind: "word",
    displayLanguage,
    documentTitle,
    theme: officeTheme,
    onThemeChange: onOfficeThemeChange,
    capabilities: capabilities(),
    signIn: wordSignIn(),
    onDocumentChange: (listener) => letter.subscribe(listener),
    documentMode: () => letter.mode,

    insertField: async (name) => {
      // A field typed into a preview would be lost when the letter comes back.
      if (letter.mode !== "letter") await showFieldCodes({ letter });
      await insertField(name);
    },
    listFields: async () => listFields(await loadLetterEngine(), letter),
    previewRecord: async (record) => previewRecord(await preview(), record),
    customizeRecord: async (record) => customizeRecord(await preview(), record),
    showFieldCodes: () => showFieldCodes({ letter }),
    checkMerge: async (records) => checkMerge(await loadLetterEngine(), letter, records),
    mergeIntoWord: async (records, options) =>
      mergeIntoWord(await loadLetterEngine(), letter, records, {
        language: displayLanguage,
        ...options,
      }),
    openDocument: async (file) => openDocument(await loadLetterEngine(), letter, file),
    letterDocx: async () => named(loadLetterEngine().then((engine) => letterDocx(engine, letter))),
    currentDocx: async () => named(loadLetterEngine().then((engine) => currentDocx(engine))),
    saveFile: downloadFile,
  };
};
