import type {
  LabelGrid,
  LabelLines,
  MergedFile,
  MergeIssue,
  MergeRecord,
  TemplateWarning,
} from "@shared/merge/index";

/**
 * The work the merge threads do. A compiled Template cannot cross threads, so every task
 * carries the letter's bytes (.docx or flat OPC) and reads it there; records are plain data.
 */
export type MergeTask =
  /** Read and check a letter (an upload), nothing more. */
  | { readonly kind: "read"; readonly letter: Uint8Array }
  /** Word's Check for Errors over the records. */
  | {
      readonly kind: "check";
      readonly letter: Uint8Array;
      readonly records: readonly MergeRecord[];
      readonly notes: CheckNotes;
    }
  /** One .docx, a section per record. */
  | {
      readonly kind: "mergeDocument";
      readonly letter: Uint8Array;
      readonly records: readonly MergeRecord[];
      /** Mark each letter's start with a bookmark (for the PDF split per letter). */
      readonly letterBookmarks?: boolean;
    }
  /**
   * One .docx, a section per record, each record's letter from its own template: `letters`
   * holds each distinct letter once, `letterOf` the index of each record's, `destination` the
   * one whose package the others are spliced into.
   */
  | {
      readonly kind: "mergeMixedDocument";
      readonly letters: readonly Uint8Array[];
      readonly letterOf: readonly number[];
      readonly destination: number;
      readonly records: readonly MergeRecord[];
      readonly letterBookmarks?: boolean;
    }
  /** One .docx per record. */
  | {
      readonly kind: "mergeEach";
      readonly letter: Uint8Array;
      readonly records: readonly MergeRecord[];
    }
  /** Sheets of labels, one per contact: no letter to read. */
  | {
      readonly kind: "labels";
      readonly labels: readonly LabelLines[];
      readonly grid: LabelGrid;
      readonly language: string | undefined;
    }
  /** Files into one zip, stored as they are (a .docx is compressed already). */
  | { readonly kind: "zip"; readonly files: readonly ZipEntry[] }
  /** A one-document merge's PDF, split into a PDF per letter at the letters' marks. */
  | { readonly kind: "splitPdf"; readonly pdf: Uint8Array; readonly letters: number }
  /** A merged letter as an e-mail's HTML body and its plain-text alternative (mammoth). */
  | { readonly kind: "letterHtml"; readonly letter: Uint8Array };

/** What checkMerge's callbacks would answer, per record, as data that can cross a thread. */
export interface CheckNotes {
  /** The field holding the e-mail address. */
  readonly emailField: string;
  /** Whether each record goes out by e-mail. */
  readonly email: readonly boolean[];
  /** How each record is named in the issues' messages. */
  readonly names: readonly string[];
  /** The letter's fields left empty on purpose (Match Fields). */
  readonly leftEmpty?: readonly string[];
  /** The records are merged one document each (the "perContact" output). */
  readonly documentPerRecord?: boolean;
}

export interface ZipEntry {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export type MergeTaskResult =
  | {
      readonly kind: "read";
      readonly fieldNames: readonly string[];
      readonly warnings: readonly TemplateWarning[];
    }
  | {
      readonly kind: "check";
      readonly fieldNames: readonly string[];
      readonly issues: MergeIssue[];
    }
  | { readonly kind: "mergeDocument"; readonly bytes: Uint8Array }
  | { readonly kind: "mergeMixedDocument"; readonly bytes: Uint8Array }
  | { readonly kind: "mergeEach"; readonly files: readonly MergedFile[] }
  | { readonly kind: "labels"; readonly bytes: Uint8Array }
  | { readonly kind: "zip"; readonly bytes: Uint8Array }
  | { readonly kind: "splitPdf"; readonly files: readonly Uint8Array[] }
  | { readonly kind: "letterHtml"; readonly body: string; readonly text: string };

export type MergeTaskKind = MergeTask["kind"];
export type ResultOf<K extends MergeTaskKind> = Extract<MergeTaskResult, { readonly kind: K }>;
