import type { Edit } from "../assemble-nodes";
import type { SectionNode } from "../compiled-nodes";
import type { SectPrScan } from "../scan/scan-types";
import { compileSection } from "../section-compile";
import { tokenAt, type ScannedPart } from "./scanned-part";

export interface SectionEdits {
  readonly edits: readonly Edit[];
  /** The body's own w:sectPr, which every letter's last paragraph takes a copy of. */
  readonly finalSection: SectionNode | undefined;
}

/** The body's own w:sectPr (the main document's last section), if it has one. */
export const finalSectPrOf = (part: ScannedPart): SectPrScan | undefined =>
  part.scan.sectPrs.find((s) => s.bodyLevel);

/**
 * Section properties of the main document become slots; the first opens each letter (on a new
 * page, numbering from 1). The final one is not edited in place: it closes every letter.
 */
export const sectionEdits = (
  part: ScannedPart,
  finalSectPr: SectPrScan | undefined,
): SectionEdits => {
  const edits: Edit[] = [];
  let finalSection: SectionNode | undefined;
  part.scan.sectPrs.forEach((s, index) => {
    if (s.close < 0) return;
    const node = compileSection(part.xml, part.tokens, part.scan.closeOf, s.open, index === 0);
    if (s === finalSectPr) finalSection = node;
    else
      edits.push({
        start: tokenAt(part, s.open).start,
        end: tokenAt(part, s.close).end,
        nodes: [node],
      });
  });
  return { edits, finalSection };
};
