/// <reference types="office-js" />
import type { MergeIssue, MergeRecord } from "@shared/merge";
import type { MergeIntoWordOptions, MergeIntoWordOutcome } from "../host";
import type { LetterEngine } from "../load-letter-engine";
import { LETTER, type LetterStateHolder } from "./letter-state";
import { hasWordApi13 } from "./requirements";
import { CODE_PROPERTIES, queueFieldCodes } from "./word-preview";
import { throwIfAborted } from "../abort";
import { isPayloadTooLarge, wordPayloadLimit } from "./word-payload-limit";

/** The letter with its fields as the engine reads it: kept aside during a preview, else one round trip. */
const letterTemplate = async (engine: LetterEngine, letter: LetterStateHolder) => {
  const saved = letter.ooxml;
  if (saved) return saved.template;
  const ooxml = await Word.run(async (context) => {
    const body = context.document.body.getOoxml();
    await context.sync();
    return body.value;
  });
  return engine.readTemplate(ooxml);
};

/** Word's "Check for errors": the engine's checks of the letter against the records, at most one round trip. */
export const checkMerge = async (
  engine: LetterEngine,
  letter: LetterStateHolder,
  records: readonly MergeRecord[],
): Promise<MergeIssue[]> =>
  engine.checkMerge(await letterTemplate(engine, letter), records, {
    describe: (record, index) => record.fileName || `#${index + 1}`,
  });

/**
 * Merges every record into one document, in a constant number of round trips whatever the
 * number of records (two; one while a preview keeps the letter aside): read the body's OOXML,
 * merge with the engine, then either open the result as a new document (WordApi 1.3) or append
 * it to this document after a next-page section break. A result larger than this Word takes
 * from an add-in (word-payload-limit.ts) is not sent: it comes back as a file for the user,
 * and so does one Word refuses for its size.
 */
export const mergeIntoWord = async (
  engine: LetterEngine,
  letter: LetterStateHolder,
  records: readonly MergeRecord[],
  { signal, language }: MergeIntoWordOptions = {},
): Promise<MergeIntoWordOutcome> => {
  throwIfAborted(signal);
  const newDocument = hasWordApi13();
  const state = letter.state;
  const saved = letter.ooxml;
  const limit = wordPayloadLimit();
  let tooLarge: { docx: Uint8Array; size: number; known: boolean } | undefined;
  const tooLargeFor = (docx: Uint8Array, size: number, known = true) => {
    tooLarge = { docx, size, known };
  };
  await Word.run(async (context) => {
    let template = saved?.template;
    let previewControls: Word.ContentControlCollection | undefined;
    if (!template) {
      const body = context.document.body.getOoxml();
      // Appending to a document that previews a contact: its fields go back to their codes first.
      if (!newDocument && state.mode === "preview") {
        previewControls = context.document.contentControls.load(CODE_PROPERTIES);
      }
      await context.sync();
      template = engine.readTemplate(body.value);
    }
    throwIfAborted(signal);
    let merged: { docx: () => Uint8Array; size: number };
    if (newDocument) {
      const docx = engine.mergeDocument(template, records, { language });
      throwIfAborted(signal);
      const base64 = engine.bytesToBase64(docx);
      merged = { docx: () => docx, size: base64.length };
      if (limit !== undefined && base64.length > limit) return tooLargeFor(docx, base64.length);
      context.application.createDocument(base64).open();
    } else {
      const flat = engine.mergeDocumentFlatOpc(template, records, { language });
      throwIfAborted(signal);
      merged = { docx: () => engine.flatOpcToDocx(flat), size: flat.length };
      if (limit !== undefined && flat.length > limit)
        return tooLargeFor(engine.flatOpcToDocx(flat), flat.length);
      const body = context.document.body;
      if (saved) body.insertOoxml(saved.original, "Replace");
      if (previewControls) queueFieldCodes(previewControls, letter.codes);
      body.insertBreak("SectionNext", "End");
      body.insertOoxml(flat, "End");
    }
    try {
      await context.sync();
    } catch (error) {
      // A limit lower than the one we know of: Word refused the whole request, nothing changed.
      if (!isPayloadTooLarge(error)) throw error;
      tooLargeFor(merged.docx(), merged.size, false);
    }
  });
  if (tooLarge)
    return {
      destination: "file",
      letters: records.length,
      file: tooLarge.docx,
      size: tooLarge.size,
      // Word's own refusal says nothing of its limit: the one we know was not it.
      ...(limit !== undefined && tooLarge.known ? { limit } : {}),
    };
  if (!newDocument) letter.set(LETTER);
  return { destination: newDocument ? "newDocument" : "appendToDocument", letters: records.length };
};
