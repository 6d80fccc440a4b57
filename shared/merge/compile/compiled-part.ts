import type { FieldExpr } from "../fields/field-instruction";
import type { FieldUse, TemplateWarning } from "../template-report";
import type { CompiledNode, SectionNode } from "./compiled-nodes";
import type { ContentLimits } from "./content-limits";

/** What compiling one part takes and gives (compile-part.ts). */

export interface StyleNumbering {
  readonly numId: number;
  readonly level: number | undefined;
}

export interface PartContext {
  readonly part: string;
  readonly kind: "document" | "story" | "notes";
  /** Paragraph styles that number their paragraphs (styles.xml). */
  readonly styleNumbering: ReadonlyMap<string, StyleNumbering>;
  /** The style id of "Placeholder Text", dropped from a control's value runs. */
  readonly placeholderStyle: string | undefined;
  readonly limits: ContentLimits;
}

export interface CompiledDocumentPart {
  /** Up to and including <w:body>. */
  readonly prefix: string;
  /** One letter: the body's content without the final w:sectPr. */
  readonly body: readonly CompiledNode[];
  readonly finalSection: SectionNode | undefined;
  /** From </w:body> on. */
  readonly suffix: string;
  /** NEXT, NEXTIF and SKIPIF in the body; undefined when there are none (one record a letter). */
  readonly flow: RecordFlow | undefined;
}

export type FlowExpr = Extract<FieldExpr, { kind: "flow" }>;

/** The body's record fields: which records a letter takes is decided from these alone. */
export interface RecordFlow {
  /** In document order. */
  readonly steps: readonly FlowExpr[];
  /** Each step's index in `steps`, by its expression (the one its field node holds). */
  readonly ordinals: ReadonlyMap<FieldExpr, number>;
}

export interface CompiledNotes {
  readonly prefix: string;
  /** Separator and continuation notes, kept once as they are. */
  readonly separators: string;
  /** Each footnote or endnote by its id in the template. */
  readonly notes: ReadonlyMap<number, readonly CompiledNode[]>;
  readonly suffix: string;
}

export interface PartFacts {
  readonly uses: readonly FieldUse[];
  readonly warnings: readonly TemplateWarning[];
  readonly bookmarkNames: readonly string[];
  readonly bookmarkIds: readonly number[];
  readonly drawingIds: readonly number[];
  readonly controlIds: readonly number[];
  readonly noteIds: readonly number[];
  readonly numIds: readonly number[];
  /** Fields and content controls, merged or not: what the letter's field limit counts. */
  readonly fieldCount: number;
}

export type CompiledPart =
  | {
      readonly kind: "document";
      readonly document: CompiledDocumentPart;
      readonly facts: PartFacts;
    }
  | { readonly kind: "story"; readonly nodes: readonly CompiledNode[]; readonly facts: PartFacts }
  | { readonly kind: "notes"; readonly notes: CompiledNotes; readonly facts: PartFacts };
