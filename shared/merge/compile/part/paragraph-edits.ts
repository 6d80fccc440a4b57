import type { Edit } from "../assemble-nodes";
import type { CompiledNode, LetterEndNode } from "../compiled-nodes";
import type { StyleNumbering } from "../compiled-part";
import type { SectPrScan } from "../scan/scan-types";
import { tokenAt, type ScannedPart } from "./scanned-part";

/** Block elements that, after the body's last paragraph, leave no paragraph to end the letter in. */
const BLOCKS_AFTER_LAST_PARAGRAPH = new Set(["w:tbl", "w:sdt", "w:customXml", "w:altChunk", "w:p"]);

/**
 * The paragraph that ends a letter and takes its section break (the main document only): the
 * body's last paragraph, unless it already holds a section break or a table (or another block)
 * follows it. -1 when there is none; the letter then gets a paragraph of its own.
 */
export const letterEndParagraph = (
  part: ScannedPart,
  finalSectPr: SectPrScan | undefined,
): number => {
  const { scan } = part;
  if (!scan.body) return -1;
  const limit = finalSectPr ? finalSectPr.open : scan.body.close;
  const candidates = scan.paragraphs.filter((p) => p.bodyLevel && p.close < limit);
  const last = candidates[candidates.length - 1];
  if (!last || last.hasSectPr) return -1;
  for (let i = last.close + 1; i < limit; i++) {
    const token = tokenAt(part, i);
    if (
      (token.kind === "open" || token.kind === "empty") &&
      BLOCKS_AFTER_LAST_PARAGRAPH.has(token.name)
    ) {
      return -1;
    }
  }
  return last.open;
};

/** A paragraph start tag: later copies drop w14:paraId and w14:textId (Word makes new ones). */
const paragraphTag = (tag: string): CompiledNode => {
  const withoutIds = tag.replace(/\s(w14:paraId|w14:textId)="[^"]*"/g, "");
  return withoutIds === tag ? tag : { t: "paragraphTag", original: tag, withoutIds };
};

/**
 * Paragraph start tags and properties: the letter's end goes into the last paragraph's pPr
 * (one is made where it has none), paragraph ids become slots, and a paragraph numbered
 * through its style gets a slot for the w:numPr that restarts its list in later letters.
 */
export const paragraphEdits = (
  part: ScannedPart,
  letterEnd: number,
  styleNumbering: ReadonlyMap<string, StyleNumbering>,
): Edit[] => {
  const edits: Edit[] = [];
  for (const paragraph of part.scan.paragraphs) {
    const open = tokenAt(part, paragraph.open);
    const tag = part.xml.slice(open.start, open.end);
    if (paragraph.open === letterEnd) {
      const node: LetterEndNode = { t: "letterEnd", wrap: paragraph.pPr ? "none" : "pPr" };
      if (paragraph.pPr && paragraph.pPr[0] === paragraph.pPr[1]) {
        const empty = tokenAt(part, paragraph.pPr[0]);
        edits.push({ start: empty.start, end: empty.end, nodes: ["<w:pPr>", node, "</w:pPr>"] });
      } else if (open.kind === "empty") {
        edits.push({
          start: open.start,
          end: open.end,
          nodes: [paragraphTag(tag.replace(/\s*\/>$/, ">")), node, "</w:p>"],
        });
        continue;
      } else if (!paragraph.pPr) {
        edits.push({ start: open.start, end: open.end, nodes: [paragraphTag(tag), node] });
        continue;
      } else {
        // Before a tracked change of the properties, which must stay pPr's last child.
        let at = tokenAt(part, paragraph.pPr[1]).start;
        for (let i = paragraph.pPr[0] + 1; i < paragraph.pPr[1]; i++) {
          if (tokenAt(part, i).name === "w:pPrChange") {
            at = tokenAt(part, i).start;
            break;
          }
        }
        edits.push({ start: at, end: at, nodes: [node] });
      }
    }
    if (tag.includes("w14:paraId") || tag.includes("w14:textId")) {
      edits.push({ start: open.start, end: open.end, nodes: [paragraphTag(tag)] });
    }
    const numbering =
      paragraph.style !== undefined ? styleNumbering.get(paragraph.style) : undefined;
    if (numbering && paragraph.pPr && !paragraph.hasNumbering && paragraph.numPrAt >= 0) {
      edits.push({
        start: paragraph.numPrAt,
        end: paragraph.numPrAt,
        nodes: [{ t: "styleNumbering", numId: numbering.numId, level: numbering.level }],
      });
    }
  }
  return edits;
};
