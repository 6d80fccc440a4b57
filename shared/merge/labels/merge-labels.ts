import { MergeError } from "../merge-error";
import { writeZip, type CompressionLevel } from "../package/zip-writer";
import { labelDocument, type LabelLines } from "./label-document";
import type { LabelGrid } from "./label-grid";
import { LabelGridError } from "./label-grid-error";
import { labelGridIssues } from "./label-grid-rules";
import { labelLayout } from "./label-layout";
import {
  CONTENT_TYPES_XML,
  DOCUMENT_RELS_XML,
  PACKAGE_RELS_XML,
  SETTINGS_XML,
  stylesXml,
} from "./label-package";

export interface MergeLabelsOptions {
  /** The document's proofing language (BCP 47); en-US by default. */
  readonly language?: string;
  /** Deflate level of the .docx; 6 by default. */
  readonly compressionLevel?: CompressionLevel;
}

/**
 * A sheet of labels per `grid.columns × grid.rows` labels, as Word's Mailings > Labels makes
 * it: one .docx, one table per sheet, each sheet its own page. Refuses a grid that does not fit
 * its page (LabelGridError, every rule broken) before writing anything.
 */
export const mergeLabels = (
  labels: readonly LabelLines[],
  grid: LabelGrid,
  options: MergeLabelsOptions = {},
): Uint8Array => {
  const issues = labelGridIssues(grid);
  if (issues.length > 0) throw new LabelGridError(issues);
  if (labels.length === 0) throw new MergeError("no_records", "there is no label to print");
  const layout = labelLayout(grid);
  return writeZip(
    [
      { name: "[Content_Types].xml", content: CONTENT_TYPES_XML, compress: true },
      { name: "_rels/.rels", content: PACKAGE_RELS_XML, compress: true },
      { name: "word/document.xml", content: labelDocument(labels, layout), compress: true },
      { name: "word/_rels/document.xml.rels", content: DOCUMENT_RELS_XML, compress: true },
      { name: "word/styles.xml", content: stylesXml(options.language ?? "en-US"), compress: true },
      { name: "word/settings.xml", content: SETTINGS_XML, compress: true },
    ],
    options.compressionLevel ?? 6,
  );
};
