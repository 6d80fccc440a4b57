import type { MergeRecord } from "@shared/merge";
import type { MergeRecordData } from "@shared/model/merge-job";
import type { z } from "zod";
import type { ApiClient } from "../../api/client";
import { throwIfAborted } from "../../host/abort";

export type MergeData = z.infer<typeof MergeRecordData>;

/** The largest page the contract allows: fewest round trips for a whole segment. */
export const MERGE_DATA_PAGE = 1000;

/** A line's merge data as the engine takes it: its values, language, and the contact's name for file names. */
export const toMergeRecord = (data: MergeData): MergeRecord => ({
  values: data.values,
  language: data.language,
  fileName: data.name,
});

export interface AllMergeDataOptions {
  readonly signal?: AbortSignal;
  /** After each page: how many records are in so far. */
  readonly onProgress?: (loaded: number) => void;
}

/** Every line's merge data, page by page; aborting stops between pages. */
export const fetchAllMergeData = async (
  client: ApiClient,
  segmentNo: string,
  { signal, onProgress }: AllMergeDataOptions = {},
): Promise<MergeData[]> => {
  const records: MergeData[] = [];
  let continuationToken: string | undefined;
  do {
    throwIfAborted(signal);
    const page = await client("getMergeData", {
      params: { no: segmentNo },
      query: { top: MERGE_DATA_PAGE, continuationToken },
      signal,
    });
    records.push(...page.items);
    continuationToken = page.continuationToken;
    onProgress?.(records.length);
  } while (continuationToken);
  return records;
};
