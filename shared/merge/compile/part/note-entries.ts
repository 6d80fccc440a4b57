import { unescapeXml } from "../../xml/xml-escape";
import { attributeOf } from "../../xml/xml-tokenizer";
import type { Edit } from "../assemble-nodes";
import { attributeEdit, integer } from "./attribute-edit";
import { tokenAt, type ScannedPart } from "./scanned-part";

const NOTE_SEPARATOR_TYPES = new Set(["separator", "continuationSeparator", "continuationNotice"]);

/** One footnote or endnote of the notes part, by its text range. */
export interface NoteEntry {
  readonly start: number;
  readonly end: number;
  readonly id: number;
  /** Separator and continuation notes are kept once, as they are. */
  readonly separator: boolean;
}

export interface NoteEntries {
  readonly entries: readonly NoteEntry[];
  /** Each note's own id becomes a slot: a letter's copy of a note takes a fresh one. */
  readonly edits: readonly Edit[];
  /** Every note id, separators included. */
  readonly noteIds: readonly number[];
}

/** The notes of footnotes.xml or endnotes.xml that have a numeric id. */
export const noteEntries = (part: ScannedPart): NoteEntries => {
  const entries: NoteEntry[] = [];
  const edits: Edit[] = [];
  const noteIds: number[] = [];
  for (const note of part.scan.notes) {
    if (note.close < 0) continue;
    const token = tokenAt(part, note.open);
    const id = integer(unescapeXml(attributeOf(part.xml, token, "w:id")?.raw ?? ""));
    if (id === undefined) continue;
    const type = attributeOf(part.xml, token, "w:type");
    const separator = type !== undefined && NOTE_SEPARATOR_TYPES.has(unescapeXml(type.raw));
    entries.push({ start: token.start, end: tokenAt(part, note.close).end, id, separator });
    noteIds.push(id);
    if (separator) continue;
    const edit = attributeEdit(part, note.open, "w:id", () => ({ t: "noteId" }));
    if (edit) edits.push(edit);
  }
  return { entries, edits, noteIds };
};
