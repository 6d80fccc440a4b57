/// <reference types="office-js" />
import type { MergeRecord } from "@shared/merge";
import type { LetterEngine } from "../load-letter-engine";
import { LETTER, type LetterStateHolder } from "./letter-state";
import { asInlineText, fieldCode } from "./requirements";

interface PreviewContext {
  readonly engine: LetterEngine;
  readonly letter: LetterStateHolder;
  /** For records without a language. */
  readonly language: string;
}

/** What a field-code restore needs of each control. */
export const CODE_PROPERTIES = "items/id,items/tag";

/**
 * Puts each tagged content control's text from before the preview back (or «name» for one
 * the preview did not see): queued, the caller syncs. `controls` loaded CODE_PROPERTIES.
 */
export const queueFieldCodes = (
  controls: Word.ContentControlCollection,
  codes: ReadonlyMap<number, string> | undefined,
): void => {
  for (const control of controls.items) {
    if (control.tag)
      control.insertText(codes?.get(control.id) ?? fieldCode(control.tag), "Replace");
  }
};

/** The engine's reading of the body, or undefined when it cannot read it (the controls still work). */
const readableTemplate = (engine: LetterEngine, ooxml: string) => {
  try {
    return engine.readTemplate(ooxml);
  } catch (error) {
    if (error instanceof Error && error.name === "TemplateError") return undefined;
    throw error;
  }
};

/**
 * Shows the record's values in place of the fields, at most two round trips. A letter of
 * content controls gets each control's text replaced (its tag keeps the field). A letter with
 * Word MERGEFIELDs is merged by the engine and its body replaced, the letter's OOXML kept aside.
 */
export const previewRecord = async (
  { engine, letter, language }: PreviewContext,
  record: MergeRecord,
): Promise<void> => {
  const saved = letter.ooxml;
  if (saved) {
    // The letter is kept aside already: one round trip per contact.
    await Word.run(async (context) => {
      context.document.body.insertOoxml(
        engine.mergeOneFlatOpc(saved.template, record, { keepContentControls: true, language }),
        "Replace",
      );
      await context.sync();
    });
    letter.set({ ...saved, mode: "preview" });
    return;
  }

  const text = engine.recordText(record, language);
  const firstPreview = letter.mode === "letter";
  await Word.run(async (context) => {
    // The first preview remembers each control's text, to put back afterwards.
    const controls = context.document.contentControls.load(
      firstPreview ? "items/id,items/tag,items/text" : "items/tag",
    );
    // Whether the letter has MERGEFIELDs is looked at once, when the preview starts.
    const body = firstPreview ? context.document.body.getOoxml() : undefined;
    await context.sync();

    const template = body ? readableTemplate(engine, body.value) : undefined;
    if (body && template?.fields.some((use) => use.form === "mergeField")) {
      context.document.body.insertOoxml(
        engine.mergeOneFlatOpc(template, record, { keepContentControls: true, language }),
        "Replace",
      );
      await context.sync();
      letter.set({ mode: "preview", via: "ooxml", original: body.value, template });
      return;
    }
    const codes =
      letter.codes ?? new Map(controls.items.map((control) => [control.id, control.text]));
    for (const control of controls.items) {
      if (control.tag) control.insertText(asInlineText(text(control.tag)), "Replace");
    }
    await context.sync();
    letter.set({ mode: "preview", via: "controls", codes });
  });
};

/**
 * Replaces the document with the record's letter without fields, to be edited by hand and
 * saved as the contact's own letter; showFieldCodes brings the letter back. At most three
 * round trips (from a content-control preview: fields back, read, replace).
 */
export const customizeRecord = async (
  { engine, letter, language }: PreviewContext,
  record: MergeRecord,
): Promise<void> => {
  const options = { keepContentControls: false, language };
  const saved = letter.ooxml;
  if (saved) {
    await Word.run(async (context) => {
      context.document.body.insertOoxml(
        engine.mergeOneFlatOpc(saved.template, record, options),
        "Replace",
      );
      await context.sync();
    });
    letter.set({ ...saved, mode: "customize" });
    return;
  }

  const showingValues = letter.mode === "preview";
  await Word.run(async (context) => {
    if (showingValues) {
      // The letter kept aside must show its field codes, not the previewed contact's values.
      const controls = context.document.contentControls.load(CODE_PROPERTIES);
      await context.sync();
      queueFieldCodes(controls, letter.codes);
    }
    const body = context.document.body.getOoxml();
    await context.sync();
    const template = engine.readTemplate(body.value);
    context.document.body.insertOoxml(engine.mergeOneFlatOpc(template, record, options), "Replace");
    await context.sync();
    letter.set({ mode: "customize", via: "ooxml", original: body.value, template });
  });
};

/** Ends a preview or customization: the letter exactly as it was. One or two round trips. */
export const showFieldCodes = async ({ letter }: Pick<PreviewContext, "letter">): Promise<void> => {
  const saved = letter.ooxml;
  if (saved) {
    await Word.run(async (context) => {
      context.document.body.insertOoxml(saved.original, "Replace");
      await context.sync();
    });
    letter.set(LETTER);
    return;
  }
  if (letter.mode === "letter") return;
  await Word.run(async (context) => {
    const controls = context.document.contentControls.load(CODE_PROPERTIES);
    await context.sync();
    queueFieldCodes(controls, letter.codes);
    await context.sync();
  });
  letter.set(LETTER);
};
