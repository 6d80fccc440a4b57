import { useCallback, useState } from "react";

export interface Submit {
  /** An action is on its way: the form keeps its submit button off so it is not sent twice. */
  readonly busy: boolean;
  /** What the last action threw, until the next one starts; undefined when it did not fail. */
  readonly error: unknown;
  /** Runs `action`, catching what it throws into `error` rather than letting it go unhandled. */
  readonly run: (action: () => Promise<void>) => Promise<void>;
}

/**
 * A form's one write to the API: busy while it runs, the failure kept for the problem bar and
 * the fields. The caller's "done" callback belongs inside the action, so it runs only on success.
 */
export const useSubmit = (): Submit => {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
};
