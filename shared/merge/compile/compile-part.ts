import { assembleNodes } from "./assemble-nodes";
import type { CompiledPart, FlowExpr, PartContext, PartFacts, RecordFlow } from "./compiled-part";
import { bookmarkEdits } from "./part/bookmark-edits";
import { commentEdits } from "./part/comment-edits";
import { complexFields } from "./part/complex-fields";
import { controlEdits } from "./part/control-edits";
import { idEdits } from "./part/id-edits";
import { noteEntries } from "./part/note-entries";
import { letterEndParagraph, paragraphEdits } from "./part/paragraph-edits";
import { documentOutput, notesOutput } from "./part/part-output";
import { fieldUses } from "./part/placed-field";
import { repeatableRows } from "./part/repeatable-rows";
import { readPart } from "./part/scanned-part";
import { finalSectPrOf, sectionEdits } from "./part/section-edits";
import { simpleFieldEdits } from "./part/simple-field-edits";
import { runEdits } from "./part/run-edits";
import type { TemplateWarning } from "../template-report";

/**
 * Compiles one part (the main document, a header or footer, the footnotes or endnotes) into
 * static text and slots. Fields are cut out run by run, never by text range, so the XML stays
 * balanced whatever wraps the field's runs (hyperlinks, smart tags, tracked insertions,
 * bookmarks and proofing marks between them).
 *
 * The stages, each a function of its own (part/): read and scan the part; decide which complex
 * fields are merged; turn fields, controls, ids, bookmarks, comments, paragraphs, sections and
 * notes into edits (text ranges replaced by slots); then assemble static text and slots, table
 * rows with fields becoming repeatable. Every stage walks what the scan found once.
 */
export const compilePart = (xml: string, context: PartContext): CompiledPart => {
  const part = readPart(xml, context.part, context.limits);
  const complex = complexFields(part);
  const simple = simpleFieldEdits(part, complex.regions);
  const controls = controlEdits(part, complex.regions, context.placeholderStyle);
  const ids = idEdits(part);
  const bookmarks = bookmarkEdits(part);
  const finalSectPr = context.kind === "document" ? finalSectPrOf(part) : undefined;
  const letterEnd = context.kind === "document" ? letterEndParagraph(part, finalSectPr) : -1;
  const sections =
    context.kind === "document"
      ? sectionEdits(part, finalSectPr)
      : { edits: [], finalSection: undefined };
  const notes =
    context.kind === "notes" ? noteEntries(part) : { entries: [], edits: [], noteIds: [] };
  const placed = [...complex.placed, ...simple.placed, ...controls.placed];
  const flowFields = placed
    .filter((f): f is typeof f & { expr: FlowExpr } => f.expr.kind === "flow")
    .sort((a, b) => a.at - b.at);
  let flow: RecordFlow | undefined;
  const flowWarnings: TemplateWarning[] = [];
  if (flowFields.length > 0 && context.kind === "document") {
    const steps = flowFields.map((f) => f.expr);
    flow = { steps, ordinals: new Map(steps.map((step, index) => [step, index])) };
  } else if (flowFields.length > 0) {
    // Word reads records only as it goes through the body: a NEXT in a header does nothing.
    flowWarnings.push({
      code: "record_field_outside_body",
      part: context.part,
      field: flowFields[0]?.expr.flow ?? "NEXT",
      message: `${flowFields.length} record field(s) (NEXT, NEXTIF, SKIPIF) outside the letter's body do nothing; they are removed`,
    });
  }

  const facts: PartFacts = {
    uses: fieldUses(placed, context.part),
    warnings: [...complex.warnings, ...simple.warnings, ...flowWarnings],
    bookmarkNames: bookmarks.bookmarkNames,
    bookmarkIds: bookmarks.bookmarkIds,
    drawingIds: ids.drawingIds,
    controlIds: controls.controlIds,
    noteIds: notes.noteIds,
    numIds: ids.numIds,
    fieldCount: part.scan.fieldCount,
  };
  // In this order: where two edits replace the same range, the first one listed is kept.
  const edits = [
    ...runEdits(part, complex.regions),
    ...simple.edits,
    ...controls.edits,
    ...ids.edits,
    ...bookmarks.edits,
    ...commentEdits(part),
    ...paragraphEdits(part, letterEnd, context.styleNumbering),
    ...sections.edits,
    ...notes.edits,
  ];
  const build = assembleNodes(xml, edits, repeatableRows(part, placed));

  if (context.kind === "document") {
    const document = documentOutput(
      part,
      build,
      finalSectPr,
      sections.finalSection,
      letterEnd,
      flow,
    );
    if (document) return { kind: "document", document, facts };
  }
  if (context.kind === "notes")
    return { kind: "notes", notes: notesOutput(part, build, notes.entries), facts };
  return { kind: "story", nodes: build(0, xml.length), facts };
};
