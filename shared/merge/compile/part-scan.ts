import type { XmlToken } from "../xml/xml-tokenizer";
import type { ContentLimits } from "./content-limits";
import { ControlRecognizer } from "./scan/control-recognizer";
import { FieldRecognizer } from "./scan/field-recognizer";
import { LandmarkRecognizer } from "./scan/landmark-recognizer";
import { NoteRecognizer } from "./scan/note-recognizer";
import { ParagraphRecognizer } from "./scan/paragraph-recognizer";
import { RowRecognizer } from "./scan/row-recognizer";
import { RunRecognizer } from "./scan/run-recognizer";
import type { PartScan } from "./scan/scan-types";
import { SectionRecognizer } from "./scan/section-recognizer";
import { TextLimit } from "./scan/text-limit";
import { walkTokens, type Enclosing, type ScanRecognizer } from "./scan/token-walk";

/**
 * Every recognizer of a part, each given every token. They are independent but for fields,
 * which ask the paragraph, row and run recognizers where they stand (the structures a field's
 * own tokens never change), so the order below does not change what they record.
 */
class PartRecognizers implements ScanRecognizer {
  readonly runs = new RunRecognizer();
  readonly paragraphs: ParagraphRecognizer;
  readonly rows = new RowRecognizer();
  readonly controls: ControlRecognizer;
  readonly fields: FieldRecognizer;
  readonly sections = new SectionRecognizer();
  readonly notes = new NoteRecognizer();
  readonly landmarks: LandmarkRecognizer;
  private readonly textLimit: TextLimit;

  constructor(
    xml: string,
    part: string,
    limits: Pick<ContentLimits, "maxTextChars" | "maxFieldDepth">,
  ) {
    this.paragraphs = new ParagraphRecognizer(xml);
    this.controls = new ControlRecognizer(xml, this.rows);
    this.fields = new FieldRecognizer(
      xml,
      { paragraphs: this.paragraphs, rows: this.rows, runs: this.runs },
      limits.maxFieldDepth,
    );
    this.landmarks = new LandmarkRecognizer(xml);
    this.textLimit = new TextLimit(part, limits.maxTextChars);
  }

  open(index: number, token: XmlToken, at: Enclosing): void {
    this.runs.open(index, token, at);
    this.controls.open(index, token, at);
    this.paragraphs.open(index, token, at);
    this.fields.open(index, token);
    this.rows.open(index, token, at);
    this.sections.open(index, token, at);
    this.notes.open(index, token, at);
    this.landmarks.open(index, token, at);
  }

  close(index: number, token: XmlToken, openIndex: number, at: Enclosing): void {
    this.runs.close(index, token, openIndex);
    this.controls.close(index, token, openIndex);
    this.paragraphs.close(index, token, openIndex, at);
    this.fields.close(index, token);
    this.rows.close(index, token);
    this.sections.close(index, token, openIndex);
    this.notes.close(index, token, openIndex);
    this.landmarks.close(index, token);
  }

  text(index: number, token: XmlToken): void {
    this.textLimit.text(index, token);
    this.fields.text(index, token);
  }
}

/**
 * One walk over a part's tokens that records every structure the merge rewrites: runs and their
 * children, complex and simple fields (with their code text and nesting), content controls,
 * table rows, paragraphs, section properties and every id that must stay unique per letter.
 * Each structure has its recognizer (scan/), which keeps its own stack.
 *
 * Element names are matched with Word's conventional prefixes (w:, wp:, r:), which every
 * producer of .docx files writes.
 */
export const scanPart = (
  xml: string,
  tokens: readonly XmlToken[],
  part: string,
  limits: Pick<ContentLimits, "maxTextChars" | "maxFieldDepth">,
): PartScan => {
  const all = new PartRecognizers(xml, part, limits);
  const closeOf = walkTokens(tokens, all);
  const { runs, paragraphs, rows, controls, fields, sections, notes, landmarks } = all;
  fields.finish(part);
  return {
    runs: runs.runs,
    fields: fields.fields,
    unterminatedFields: fields.unterminated,
    unclosedFields: fields.unclosed,
    simpleFields: fields.simpleFields,
    sdts: controls.sdts,
    rows: rows.rows,
    tables: rows.tables,
    paragraphs: paragraphs.paragraphs,
    fieldCount: fields.fieldCount + controls.sdts.length,
    sectPrs: sections.sectPrs,
    docPrs: landmarks.docPrs,
    bookmarkStarts: landmarks.bookmarkStarts,
    bookmarkEnds: landmarks.bookmarkEnds,
    numIds: landmarks.numIds,
    noteReferences: landmarks.noteReferences,
    partReferences: landmarks.partReferences,
    anchors: landmarks.anchors,
    comments: landmarks.comments,
    notes: notes.notes,
    body: landmarks.body,
    closeOf,
  };
};
