import { useCallback, useEffect, useRef, useState } from "react";
import { useApi } from "../../api/api-context";
import { MERGE_DATA_PAGE, type MergeData } from "../merge/merge-data";

/** The first page is small, so the first contact shows quickly. */
const FIRST_PAGE = 50;
const NEXT_PAGE = 200;

export interface PreviewRecords {
  readonly records: readonly MergeData[];
  readonly index: number;
  readonly current: MergeData | undefined;
  /** The segment's number of lines; exact once every page is in. */
  readonly total: number | undefined;
  readonly loading: boolean;
  readonly error: unknown;
  /** Moves to a position, loading pages as far as needed; resolves with the record shown. */
  readonly goTo: (index: number) => Promise<MergeData | undefined>;
  readonly goToLast: () => Promise<MergeData | undefined>;
  readonly goToLine: (lineNo: number) => Promise<MergeData | undefined>;
  readonly retry: () => void;
}

interface Cache {
  records: MergeData[];
  token: string | undefined;
  complete: boolean;
}

/**
 * The segment's merge data for stepping through contacts: pages are fetched in line order
 * as the user moves on (GET /segments/{no}/merge-data), never all at once unless asked for the
 * last contact or for one further down.
 */
export const usePreviewRecords = (segmentNo: string): PreviewRecords => {
  const { client } = useApi();
  const cache = useRef<Cache>({ records: [], token: undefined, complete: false });
  const abort = useRef(new AbortController());
  const [, setVersion] = useState(0);
  const [index, setIndex] = useState(0);
  const [total, setTotal] = useState<number>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [generation, setGeneration] = useState(0);

  /** Fetches pages until `enough` says so or the segment has no more. */
  const loadUntil = useCallback(
    async (enough: (records: readonly MergeData[]) => boolean, top: number) => {
      const state = cache.current;
      setLoading(true);
      setError(undefined);
      try {
        while (!state.complete && !enough(state.records)) {
          const page = await client("getMergeData", {
            params: { no: segmentNo },
            query: { top, continuationToken: state.token },
            signal: abort.current.signal,
          });
          state.records.push(...page.items);
          state.token = page.continuationToken;
          state.complete = !page.continuationToken;
          setVersion((v) => v + 1);
        }
        if (state.complete) setTotal(state.records.length);
      } catch (caught) {
        if (!abort.current.signal.aborted) setError(caught);
      } finally {
        if (!abort.current.signal.aborted) setLoading(false);
      }
      return state.records;
    },
    [client, segmentNo],
  );

  useEffect(() => {
    abort.current = new AbortController();
    cache.current = { records: [], token: undefined, complete: false };
    setIndex(0);
    setTotal(undefined);
    client("getSegment", { params: { no: segmentNo }, signal: abort.current.signal }).then(
      (segment) => setTotal((known) => known ?? segment.noOfLines),
      // The count only decorates "n of N"; the pages say how many there are in the end.
      () => undefined,
    );
    void loadUntil((records) => records.length > 0, FIRST_PAGE);
    return () => abort.current.abort();
  }, [client, segmentNo, loadUntil, generation]);

  const goTo = useCallback(
    async (target: number) => {
      const records = await loadUntil((loaded) => loaded.length > target, NEXT_PAGE);
      const at = Math.max(0, Math.min(target, records.length - 1));
      setIndex(at);
      return records[at];
    },
    [loadUntil],
  );

  const goToLast = useCallback(async () => {
    const records = await loadUntil(() => false, MERGE_DATA_PAGE);
    const at = Math.max(0, records.length - 1);
    setIndex(at);
    return records[at];
  }, [loadUntil]);

  const goToLine = useCallback(
    async (lineNo: number) => {
      const records = await loadUntil(
        (loaded) => loaded.some((record) => record.lineNo === lineNo),
        MERGE_DATA_PAGE,
      );
      const at = records.findIndex((record) => record.lineNo === lineNo);
      if (at < 0) return undefined;
      setIndex(at);
      return records[at];
    },
    [loadUntil],
  );

  const records = cache.current.records;
  return {
    records,
    index,
    current: records[index],
    total: cache.current.complete ? records.length : total,
    loading,
    error,
    goTo,
    goToLast,
    goToLine,
    retry: useCallback(() => setGeneration((g) => g + 1), []),
  };
};
