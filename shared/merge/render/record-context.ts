import type { CompiledTemplate } from "../compile/compile-template";
import type { FormatContext } from "../format/format-value";
import type { MergeRecord } from "../merge-record";
import type { EvaluationContext } from "./evaluate-field";
import type { SessionOptions } from "./render-session";
import { ValueLookup } from "./value-lookup";

/** What a record's fields are evaluated with: its values, its language, MERGEREC and MERGESEQ. */
export const recordContext =
  (template: CompiledTemplate, options: Pick<SessionOptions, "language" | "timeZone">) =>
  (record: MergeRecord, recordNumber: number, sequenceNumber: number): EvaluationContext => {
    const format: FormatContext = {
      language: options.language(record),
      timeZone: options.timeZone,
      templateDecimal: template.decimalSymbol,
    };
    return { lookup: new ValueLookup(record.values), format, recordNumber, sequenceNumber };
  };
