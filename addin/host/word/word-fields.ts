/// <reference types="office-js" />
import type { DocumentField } from "../host";
import type { LetterEngine } from "../load-letter-engine";
import type { LetterStateHolder } from "./letter-state";
import { hasWordApi13, fieldCode } from "./requirements";

/**
 * Inserts a merge field at the cursor: a content control tagged and titled with the field's
 * name, showing «name» (WordApi 1.1). One round trip.
 */
export const insertField = (name: string): Promise<void> =>
  Word.run(async (context) => {
    const control = context.document.getSelection().insertContentControl();
    control.tag = name;
    control.title = name;
    control.appearance = "BoundingBox";
    control.insertText(fieldCode(name), "Replace");
    // Typing goes on after the field, not inside it. The range API behind this is WordApi 1.3;
    // older Word leaves the cursor where it was.
    if (hasWordApi13()) control.getRange("After").select("Start");
    await context.sync();
  });

/**
 * The fields the letter uses: tagged content controls anywhere in the document (headers and
 * footers too) and Word MERGEFIELDs in the body, found by the merge engine in the body's OOXML.
 * One round trip; none while a preview keeps the letter aside.
 */
export const listFields = async (
  engine: LetterEngine,
  letter: LetterStateHolder,
): Promise<DocumentField[]> => {
  const saved = letter.ooxml;
  if (saved) return engine.documentFields(saved.template.fields);

  const { tags, ooxml } = await Word.run(async (context) => {
    const controls = context.document.contentControls.load("items/tag");
    const body = context.document.body.getOoxml();
    await context.sync();
    return { tags: controls.items.map((control) => control.tag), ooxml: body.value };
  });
  const controlUses = tags.map((name) => ({ name, form: "contentControl" as const }));
  let fieldUses: { name: string; form: "mergeField" }[] = [];
  try {
    fieldUses = engine
      .readTemplate(ooxml)
      .fields.filter((use) => use.form === "mergeField")
      .map((use) => ({ name: use.name, form: "mergeField" as const }));
  } catch (error) {
    // A body the engine cannot read still has its content controls to list.
    if (!(error instanceof Error && error.name === "TemplateError")) throw error;
  }
  return engine.documentFields([...controlUses, ...fieldUses]);
};
