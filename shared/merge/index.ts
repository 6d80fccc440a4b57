/**
 * The OOXML mail-merge engine: the task pane and the Functions run the same code.
 *
 *   const template = readTemplate(docxBytesOrFlatOpc);   // once; throws TemplateError
 *   template.fields                                       // every merge field and where it is
 *   checkMerge(template, records)                         // Word's "check for errors", as data
 *   mergeDocument(template, records)                      // one .docx, a section per letter
 *   mergeMixedDocument([{ template, record }...])         // one .docx, each letter from its own template
 *   mergeEach                                             // one .docx per contact
 *   mergeOne / mergeOneFlatOpc                            // the preview
 *   estimateMergedSize(template, records)                 // what a merge would write, before it runs
 */
export { readTemplate, type ReadTemplateOptions, type Template } from "./template";
export type { FieldUse, TemplateWarning, TemplateWarningCode } from "./template-report";
export { TemplateError, type LimitExceeded, type TemplateErrorCode } from "./template-error";
export { MergeError, type MergeErrorCode } from "./merge-error";
export type { MergeRecord, MergeValue, MergeValues } from "./merge-record";
export type { MergeOptions } from "./merge-options";
export { mergeDocument, mergeDocumentFlatOpc } from "./merge-document";
export {
  estimateMixedDocumentSize,
  mergeMixedDocument,
  mergeMixedDocumentFlatOpc,
  type LetterOfTemplate,
  type MixedMergeOptions,
} from "./merge-mixed-document";
export { mergeEach, type MergedFile } from "./merge-each";
export { mergeOne, mergeOneFlatOpc, type MergeOneOptions } from "./merge-one";
export { fromFlatOpc, toFlatOpc } from "./flat-opc";
export { base64ToBytes, bytesToBase64 } from "./package/base64";
export {
  checkMerge,
  type CheckMergeOptions,
  type MergeIssue,
  type MergeIssueCode,
  type MergeIssueSeverity,
} from "./check-merge";
export { formatMergeValue, type FormatMergeValueOptions } from "./format/format-value";
export { normalizeFieldName } from "./fields/field-name";
export { sanitizeFileName } from "./output/file-names";
export { letterBookmarkName, letterOfBookmark } from "./output/letter-bookmark";
export { letterFileNames } from "./output/file-names";
export { DEFAULT_PACKAGE_LIMITS, type PackageLimits } from "./package/package-limits";
export { DEFAULT_CONTENT_LIMITS, type ContentLimits } from "./compile/content-limits";
export { DEFAULT_OUTPUT_LIMITS, type OutputLimits } from "./output/output-limits";
export { estimateMergedSize } from "./merge-estimate";
export type { MergeSizeEstimate } from "./output/output-estimate";
export type { CompressionLevel } from "./package/zip-writer";
export { mergeLabels, type MergeLabelsOptions } from "./labels/merge-labels";
export type { LabelLines } from "./labels/label-document";
export {
  MAX_LABELS_PER_SHEET,
  MAX_PAGE_MM,
  MIN_LABEL_MM,
  SHEET_END_MM,
  type LabelGrid,
  type LabelGridField,
} from "./labels/label-grid";
export { labelGridIssues, type LabelGridIssue } from "./labels/label-grid-rules";
export { LabelGridError } from "./labels/label-grid-error";
export { LABEL_PRESETS, LABEL_PRESET_IDS, type LabelPresetId } from "./labels/label-presets";
