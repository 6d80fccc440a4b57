import { useCallback, useEffect, useRef, useState, type DependencyList } from "react";

export type QueryState<T> =
  | { status: "loading"; data?: T }
  | { status: "ok"; data: T }
  | { status: "error"; error: unknown; data?: T };

export interface ApiQuery<T> {
  readonly state: QueryState<T>;
  /** Asks again; what was shown stays visible while the new answer is on its way. */
  readonly reload: () => void;
  /** Replaces the data with what an update answered, without asking again. */
  readonly setData: (data: T) => void;
}

/**
 * Runs `load` when the dependencies change and on reload; aborts the call in flight when the
 * component unmounts or a newer call starts, so an old answer never overwrites a newer one.
 */
export const useApiQuery = <T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): ApiQuery<T> => {
  const [state, setState] = useState<QueryState<T>>({ status: "loading" });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const abort = new AbortController();
    setState((previous) =>
      previous.status === "loading" ? previous : { status: "loading", data: previous.data },
    );
    loadRef.current(abort.signal).then(
      (data) => {
        if (!abort.signal.aborted) setState({ status: "ok", data });
      },
      (error: unknown) => {
        if (!abort.signal.aborted)
          setState((previous) => ({ status: "error", error, data: previous.data }));
      },
    );
    return () => abort.abort();
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const setData = useCallback((data: T) => setState({ status: "ok", data }), []);
  return { state, reload, setData };
};
