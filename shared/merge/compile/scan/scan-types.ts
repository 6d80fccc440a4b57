import type { TableScan } from "./row-recognizer";

/**
 * What the scan of one part records, by token index (not offset), so the compile step can ask
 * "is this inside that field?". Each structure is filled by its own recognizer (this folder);
 * part-scan.ts walks the tokens once and hands each token to all of them.
 */

export interface RunScan {
  readonly open: number;
  close: number;
  rPr?: readonly [number, number];
  /** Content children (everything but w:rPr): [first token, last token]. */
  readonly children: [number, number][];
}

export interface FieldScan {
  readonly begin: number;
  separate: number;
  end: number;
  /** Code text and nested fields, in order. */
  readonly pieces: (string | FieldScan)[];
  /** Fields nested in the result. */
  readonly inResult: FieldScan[];
  readonly parent: FieldScan | undefined;
  readonly inParentCode: boolean;
  readonly paragraphAtBegin: number;
  paragraphAtEnd: number;
  /** Run (open token) of the first code text and of the first result text; -1 when none. */
  firstCodeRun: number;
  firstResultRun: number;
  resultText: string;
  readonly row: number;
}

export interface SimpleFieldScan {
  readonly open: number;
  close: number;
  readonly code: string;
  firstRun: number;
  resultText: string;
  readonly row: number;
  /** Inside a complex field: then it is part of that field's result or code. */
  readonly nested: boolean;
}

export interface SdtScan {
  readonly open: number;
  close: number;
  propertiesOpen: number;
  propertiesClose: number;
  contentOpen: number;
  contentClose: number;
  tag: string | undefined;
  /** The w:id element inside w:sdtPr. */
  idToken: number;
  placeholder: readonly [number, number] | undefined;
  propertiesRPr: readonly [number, number] | undefined;
  /** Picture, checkbox, building block, repeating section... or complex content. */
  disqualified: boolean;
  contentKind: "empty" | "inline" | "block" | "other";
  firstParagraph: number;
  firstRun: number;
  readonly row: number;
}

export interface ParagraphScan {
  readonly open: number;
  close: number;
  readonly bodyLevel: boolean;
  pPr: readonly [number, number] | undefined;
  style: string | undefined;
  hasNumbering: boolean;
  hasSectPr: boolean;
  /** Text offset where a w:numPr may be inserted into pPr, in schema order. */
  numPrAt: number;
}

export interface SectPrScan {
  readonly open: number;
  close: number;
  readonly bodyLevel: boolean;
}

/** An element known by its open and close tokens (a table row, a note, the body). */
export interface ElementScan {
  readonly open: number;
  close: number;
}

export interface PartScan {
  readonly runs: readonly RunScan[];
  /** Outermost complex fields, in order. */
  readonly fields: readonly FieldScan[];
  readonly unterminatedFields: number;
  /** Complex fields begun and never ended, outermost first. */
  readonly unclosedFields: readonly FieldScan[];
  readonly simpleFields: readonly SimpleFieldScan[];
  readonly sdts: readonly SdtScan[];
  readonly rows: readonly ElementScan[];
  readonly tables: readonly TableScan[];
  readonly paragraphs: readonly ParagraphScan[];
  /** Fields (complex and simple) and content controls. */
  readonly fieldCount: number;
  readonly sectPrs: readonly SectPrScan[];
  readonly docPrs: readonly number[];
  readonly bookmarkStarts: readonly number[];
  readonly bookmarkEnds: readonly number[];
  readonly numIds: readonly number[];
  readonly noteReferences: readonly number[];
  readonly partReferences: readonly number[];
  readonly anchors: readonly number[];
  readonly comments: readonly number[];
  /** Root children of footnotes.xml / endnotes.xml. */
  readonly notes: readonly ElementScan[];
  readonly body: ElementScan | undefined;
  /** For each open token, its close token; for every other token, itself. */
  readonly closeOf: Int32Array;
}
