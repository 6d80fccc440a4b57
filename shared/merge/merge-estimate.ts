import type { MergeRecord } from "./merge-record";
import { estimateMergeSize, type MergeSizeEstimate } from "./output/output-estimate";
import type { Template } from "./template";

/**
 * What merging these records would write, estimated without merging (the same estimate the
 * merge functions check against their output limits): a caller can refuse or advise before
 * it hands the work to anyone.
 */
export const estimateMergedSize = (
  template: Template,
  records: readonly MergeRecord[],
): MergeSizeEstimate => estimateMergeSize(template.compiled, records);
