import type { Edit } from "../assemble-nodes";
import type { CompiledNode } from "../compiled-nodes";
import { attributeEdit, integer } from "./attribute-edit";
import { tokenAt, type ScannedPart } from "./scanned-part";

export interface IdEdits {
  readonly edits: readonly Edit[];
  /** The wp:docPr ids of the template's drawings. */
  readonly drawingIds: readonly number[];
  /** The lists the part numbers its paragraphs with (w:numId, 0 being "no list"). */
  readonly numIds: readonly number[];
}

/**
 * The ids a letter's copy must renumber and the references that follow them: drawings'
 * wp:docPr ids, list numbers (each letter restarts its lists), footnote and endnote
 * references, and hyperlinks to bookmarks (renamed per letter).
 */
export const idEdits = (part: ScannedPart): IdEdits => {
  const edits: Edit[] = [];
  const drawingIds: number[] = [];
  const numIds: number[] = [];
  const edit = (
    index: number,
    attribute: string,
    make: (raw: string) => CompiledNode | undefined,
  ): void => {
    const found = attributeEdit(part, index, attribute, make);
    if (found) edits.push(found);
  };
  for (const index of part.scan.docPrs) {
    edit(index, "id", (raw) => {
      const id = integer(raw);
      if (id === undefined) return undefined;
      drawingIds.push(id);
      return { t: "drawingId", id };
    });
  }
  for (const index of part.scan.numIds) {
    edit(index, "w:val", (raw) => {
      const id = integer(raw);
      if (id === undefined || id === 0) return undefined;
      numIds.push(id);
      return { t: "numId", id };
    });
  }
  for (const index of part.scan.noteReferences) {
    const footnote = tokenAt(part, index).name === "w:footnoteReference";
    edit(index, "w:id", (raw) => {
      const id = integer(raw);
      if (id === undefined) return undefined;
      return { t: footnote ? "footnoteRef" : "endnoteRef", id };
    });
  }
  for (const index of part.scan.anchors) edit(index, "w:anchor", (name) => ({ t: "anchor", name }));
  return { edits, drawingIds, numIds };
};
