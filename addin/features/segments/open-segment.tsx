import type { Segment } from "@shared/model/segment";
import { Spinner } from "@fluentui/react-components";
import { createContext, useCallback, useContext, useMemo, type ReactNode } from "react";
import { useApi } from "../../api/api-context";
import { useApiQuery } from "../../api/use-api-query";
import { useT } from "../../i18n/use-t";
import { ApiProblemBar } from "../../ui/api-problem-bar";

export interface OpenSegment {
  /** The header as last read or written: its etag is what the next update sends in If-Match. */
  readonly segment: Segment;
  /** Reads the header again (after a criteria action changed its counters, or on a conflict). */
  readonly reload: () => void;
  /** Takes the header an update answered with. */
  readonly replace: (segment: Segment) => void;
}

const OpenSegmentContext = createContext<OpenSegment | undefined>(undefined);

/** Loads one segment's header for every tab of the open segment. */
export const OpenSegmentProvider = ({ no, children }: { no: string; children: ReactNode }) => {
  const t = useT();
  const { client } = useApi();
  const query = useApiQuery(
    (signal) => client("getSegment", { params: { no }, signal }),
    [client, no],
  );
  const { state, reload, setData } = query;
  const replace = useCallback((segment: Segment) => setData(segment), [setData]);
  const value = useMemo(
    () => (state.data ? { segment: state.data, reload, replace } : undefined),
    [state.data, reload, replace],
  );

  if (!value) {
    return state.status === "error" ? (
      <ApiProblemBar error={state.error} onRetry={reload} />
    ) : (
      <Spinner size="small" label={t("segments.open.loading")} />
    );
  }
  return <OpenSegmentContext.Provider value={value}>{children}</OpenSegmentContext.Provider>;
};

export const useOpenSegment = (): OpenSegment => {
  const open = useContext(OpenSegmentContext);
  if (!open) throw new Error("useOpenSegment needs an <OpenSegmentProvider> above it");
  return open;
};
