import type { OutputLimits } from "./output/output-limits";
import type { CompressionLevel } from "./package/zip-writer";

export interface MergeOptions {
  /** For records without a language (and invalid ones); en-US by default. */
  readonly language?: string;
  /** IANA time zone in which Date values are written, e.g. "Europe/Copenhagen"; UTC by default. */
  readonly timeZone?: string;
  /**
   * Keep Mergeline content controls around their values, so the task pane can turn a preview
   * back into fields. Default: false (letters are plain documents), true for mergeOne.
   */
  readonly keepContentControls?: boolean;
  /** mergeDocument: number each letter's pages from 1, as separate letters would be. Default true. */
  readonly restartPageNumbering?: boolean;
  /**
   * mergeDocument: start each letter with an empty bookmark named letterBookmarkName(n), so a
   * converter that exports bookmarks (LibreOffice to the PDF outline) marks where each letter
   * begins. Default false: Word users see no bookmarks they did not make.
   */
  readonly letterBookmarks?: boolean;
  /** Deflate level of the .docx; 6 by default. */
  readonly compressionLevel?: CompressionLevel;
  /** Output limits, checked on an estimate before merging; DEFAULT_OUTPUT_LIMITS for the rest. */
  readonly limits?: Partial<OutputLimits>;
}
