import type { FieldExpr } from "../fields/field-instruction";

/**
 * A compiled part: static XML text interleaved with slots. Rendering a letter walks the list
 * once, pushing strings; nothing is parsed again per record.
 */
export type CompiledNode =
  | string
  | FieldNode
  | ControlNode
  | IdNode
  | BookmarkStartNode
  | BookmarkEndNode
  | NoteIdNode
  | RelationshipNode
  | AnchorNode
  | ParagraphTagNode
  | LetterEndNode
  | SectionNode
  | StyleNumberingNode
  | RowNode
  | TableNode;

/** A MERGEFIELD, IF or MERGEREC replaced by plain runs holding its result. */
export interface FieldNode {
  readonly t: "field";
  readonly expr: FieldExpr;
  /** The w:rPr the result runs carry ("" for none). */
  readonly rPr: string;
  /** "code" when the field sits in another field's code: its value becomes code text. */
  readonly target: "text" | "code";
}

/** A content control tagged with a field name. */
export interface ControlNode {
  readonly t: "control";
  readonly expr: FieldExpr;
  readonly rPr: string;
  /** Block controls: the first paragraph's start tag and pPr; the value becomes one paragraph. */
  readonly paragraphStart: string | undefined;
  /** Kept controls: everything up to and including <w:sdtContent>, with a fresh id. */
  readonly shellStart: readonly CompiledNode[];
  readonly shellEnd: string;
}

/** The value of an id attribute that must stay unique across the merged document. */
export interface IdNode {
  readonly t: "drawingId" | "controlId" | "numId" | "footnoteRef" | "endnoteRef";
  readonly id: number;
}

export interface BookmarkStartNode {
  readonly t: "bookmarkStart";
  readonly tag: string;
  readonly id: number;
  readonly name: string;
  /** Other attributes as written (w:colFirst, w:colLast...), with their leading space. */
  readonly rest: string;
}

export interface BookmarkEndNode {
  readonly t: "bookmarkEnd";
  readonly tag: string;
  readonly id: number;
  readonly rest: string;
}

/** The w:id of a footnote or endnote being written. */
export interface NoteIdNode {
  readonly t: "noteId";
}

/** The r:id of a header or footer reference. */
export interface RelationshipNode {
  readonly t: "relationship";
  readonly id: string;
}

/** A hyperlink's w:anchor: follows its bookmark when that is renamed. */
export interface AnchorNode {
  readonly t: "anchor";
  readonly name: string;
}

/** A paragraph's start tag; its w14:paraId/textId are dropped in copies after the first. */
export interface ParagraphTagNode {
  readonly t: "paragraphTag";
  readonly original: string;
  readonly withoutIds: string;
}

/**
 * Where a letter's closing section break goes: inside its last paragraph's pPr ("none"), in a
 * pPr to create ("pPr"), or in a paragraph of its own when the body ends with a table ("paragraph").
 */
export interface LetterEndNode {
  readonly t: "letterEnd";
  readonly wrap: "none" | "pPr" | "paragraph";
}

/**
 * A w:sectPr. In a merged document the section that opens a letter takes `letterStart`
 * (next page), or `letterStartRestart` (next page, pages numbered from 1).
 */
export interface SectionNode {
  readonly t: "section";
  readonly firstOfLetter: boolean;
  readonly original: readonly CompiledNode[];
  readonly letterStart: readonly CompiledNode[];
  readonly letterStartRestart: readonly CompiledNode[];
}

/** A paragraph numbered through its style: gets its own w:numPr in later letters. */
export interface StyleNumberingNode {
  readonly t: "styleNumbering";
  readonly numId: number;
  readonly level: number | undefined;
}

/** A table row holding fields: repeated per item when the record has matching rows. */
export interface RowNode {
  readonly t: "row";
  /** Normalized keys of the fields in the row. */
  readonly keys: readonly string[];
  readonly children: readonly CompiledNode[];
}

/**
 * A table whose every row repeats: when no row is left for a record, the table goes too (Word
 * repairs a w:tbl without w:tr), leaving `whenEmpty` (a paragraph where the table's container
 * must end with one, else nothing).
 */
export interface TableNode {
  readonly t: "table";
  readonly whenEmpty: string;
  readonly children: readonly CompiledNode[];
}

/** Whether rendering can differ between letters (a part that needs no copy per letter is shared). */
export const isRecordDependent = (nodes: readonly CompiledNode[]): boolean =>
  nodes.some(
    (node) =>
      typeof node !== "string" &&
      (node.t === "field" ||
        node.t === "control" ||
        ((node.t === "row" || node.t === "table") && isRecordDependent(node.children)) ||
        (node.t === "section" && isRecordDependent(node.original))),
  );
