import type { CompiledNode, SectionNode } from "../compiled-nodes";
import type { CompiledDocumentPart, CompiledNotes, RecordFlow } from "../compiled-part";
import type { SectPrScan } from "../scan/scan-types";
import type { NoteEntry } from "./note-entries";
import { tokenAt, type ScannedPart } from "./scanned-part";

/** Builds compiled nodes for consecutive ranges of the part, in document order. */
export type NodeBuilder = (from: number, to: number) => CompiledNode[];

/**
 * The main document as one letter: what comes before the body's content, the content without
 * the final section properties (ending in a paragraph of its own when no paragraph could take
 * the letter's section break), the final section, and what follows. Undefined for a main
 * document without a body, which compiles as a story.
 */
export const documentOutput = (
  part: ScannedPart,
  build: NodeBuilder,
  finalSectPr: SectPrScan | undefined,
  finalSection: SectionNode | undefined,
  letterEnd: number,
  flow: RecordFlow | undefined = undefined,
): CompiledDocumentPart | undefined => {
  const body = part.scan.body;
  if (!body) return undefined;
  const bodyStart = tokenAt(part, body.open).end;
  const bodyEnd = finalSectPr
    ? tokenAt(part, finalSectPr.open).start
    : tokenAt(part, body.close).start;
  const suffixStart = finalSectPr ? tokenAt(part, finalSectPr.close).end : bodyEnd;
  const letter = build(bodyStart, bodyEnd);
  if (letterEnd < 0) letter.push({ t: "letterEnd", wrap: "paragraph" });
  return {
    prefix: part.xml.slice(0, bodyStart),
    body: letter,
    finalSection,
    suffix: part.xml.slice(suffixStart),
    flow,
  };
};

/**
 * The footnotes or endnotes part: separators kept once as they are, each other note compiled
 * on its own (a letter writes the notes it refers to), and the text around them.
 */
export const notesOutput = (
  part: ScannedPart,
  build: NodeBuilder,
  entries: readonly NoteEntry[],
): CompiledNotes => {
  const notes = new Map<number, CompiledNode[]>();
  let separators = "";
  for (const entry of entries) {
    if (entry.separator) separators += part.xml.slice(entry.start, entry.end);
    else notes.set(entry.id, build(entry.start, entry.end));
  }
  const first = entries[0];
  const last = entries[entries.length - 1];
  const rootOpen = part.tokens.findIndex((t) => t.kind === "open");
  const prefixEnd = first ? first.start : tokenAt(part, rootOpen).end;
  const suffixStart = last ? last.end : tokenAt(part, part.scan.closeOf[rootOpen] as number).start;
  return {
    prefix: part.xml.slice(0, prefixEnd),
    separators,
    notes,
    suffix: part.xml.slice(suffixStart),
  };
};
