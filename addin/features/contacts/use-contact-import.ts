import type { ContactImportJob } from "@shared/model/contact-import-job";
import { useCallback, useEffect, useRef, useState } from "react";
import { useApi } from "../../api/api-context";
import { newJobId } from "../../api/new-job-id";
import { runContactImport, type ContactImportRun } from "./run-contact-import";

export type ContactImportState =
  | { readonly phase: "idle" }
  | {
      readonly phase: "running";
      readonly job?: ContactImportJob;
      readonly canceling: boolean;
      /** The import's request lost its server: the pane reads the job until it ends. */
      readonly serverLost?: boolean;
    }
  | { readonly phase: "ended"; readonly job: ContactImportJob }
  | { readonly phase: "refused"; readonly error: unknown };

/** An import of one file as the pane follows it: progress from the job, Cancel, the outcome. */
export const useContactImport = () => {
  const { client } = useApi();
  const [state, setState] = useState<ContactImportState>({ phase: "idle" });
  const run = useRef<ContactImportRun | undefined>(undefined);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const start = useCallback(
    (csv: string) => {
      setState({ phase: "running", canceling: false });
      const update = (change: { job?: ContactImportJob; serverLost?: boolean }) => {
        if (mounted.current && run.current === current)
          setState((s) => (s.phase === "running" ? { ...s, ...change } : s));
      };
      const current = runContactImport(
        client,
        newJobId(),
        csv,
        (job) => update({ job }),
        undefined,
        () => update({ serverLost: true }),
      );
      run.current = current;
      current.ended.then(
        (job) => mounted.current && setState({ phase: "ended", job }),
        (error: unknown) => mounted.current && setState({ phase: "refused", error }),
      );
    },
    [client],
  );

  const cancel = useCallback(() => {
    setState((s) => (s.phase === "running" ? { ...s, canceling: true } : s));
    void run.current?.cancel().catch(() => undefined);
  }, []);

  const reset = useCallback(() => {
    run.current = undefined;
    setState({ phase: "idle" });
  }, []);

  return { state, start, cancel, reset };
};
