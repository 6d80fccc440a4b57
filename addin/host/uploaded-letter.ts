import { docxType } from "@shared/model/api/docx-type";
import { downloadFile } from "./download";
import {
  HostCapabilityError,
  NoTemplateError,
  type DocumentCapabilities,
  type NamedFile,
  type PaneHost,
} from "./host";
import { loadLetterEngine } from "./load-letter-engine";
import type { Template } from "./letter-engine";

/** The document half of a PaneHost without Office: what the browser and Teams hosts share. */
export type UploadedLetterHost = Omit<
  PaneHost,
  "kind" | "displayLanguage" | "documentTitle" | "theme" | "onThemeChange" | "signIn"
>;

const CAPABILITIES: DocumentCapabilities = {
  source: "upload",
  insertField: false,
  previewInDocument: false,
  mergeInto: "download",
  openDocument: "useAsTemplate",
};

/**
 * Outside Word there is no open document: the letter is a .docx the user uploads (or a
 * template's attachment), read by the merge engine in the page. Merged results are made by the
 * server's merge endpoint and downloaded; a contact's letter to customize is a download too.
 */
export const createUploadedLetter = (language: string): UploadedLetterHost => {
  let letter: { file: NamedFile; template: Template } | undefined;
  // Bumped when the pane leaves a segment: a letter still being read for it must not land here.
  let generation = 0;
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };

  const template = (): Template => {
    if (!letter) throw new NoTemplateError();
    return letter.template;
  };

  return {
    capabilities: CAPABILITIES,
    onDocumentChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    documentMode: () => "letter",
    insertField: async () => {
      throw new HostCapabilityError("insertField");
    },
    listFields: async () => {
      if (!letter) return [];
      return (await loadLetterEngine()).documentFields(letter.template.fields);
    },
    // The pane lists the contact's values itself: there is no document to show them in.
    previewRecord: async () => undefined,
    showFieldCodes: async () => undefined,
    customizeRecord: async (record) => {
      const engine = await loadLetterEngine();
      const bytes = engine.mergeOne(template(), record, { keepContentControls: false, language });
      const name = engine.sanitizeFileName(record.fileName ?? "") || "Letter";
      await downloadFile(new Blob([bytes as BlobPart], { type: docxType }), `${name}.docx`);
    },
    checkMerge: async (records) => (await loadLetterEngine()).checkMerge(template(), records),
    mergeIntoWord: async () => {
      throw new HostCapabilityError("mergeIntoWord");
    },
    openDocument: async (file) => {
      const started = generation;
      // Read now, so a file that is not a Word document is refused at the upload (TemplateError).
      const read = (await loadLetterEngine()).readTemplate(file.bytes);
      if (started !== generation) return;
      letter = { file, template: read };
      changed();
    },
    forgetLetter: () => {
      generation += 1;
      if (!letter) return;
      letter = undefined;
      changed();
    },
    recordLetter: async (record) => {
      if (!letter) return undefined;
      const engine = await loadLetterEngine();
      return engine.mergeOne(letter.template, record, { keepContentControls: false, language });
    },
    letterDocx: async () => letter?.file,
    currentDocx: async () => undefined,
    saveFile: downloadFile,
  };
};
