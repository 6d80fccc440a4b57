import { useCallback, useEffect, useRef, useState } from "react";
import type { DocumentField } from "../../host/host";
import { useDocumentVersion, useHost } from "../../host/host-context";

export type DocumentFieldsState =
  | { status: "loading"; fields?: DocumentField[] }
  | { status: "ok"; fields: DocumentField[] }
  | { status: "error"; error: unknown; fields?: DocumentField[] };

/**
 * The fields the letter uses, read from the document on mount, whenever the letter changes
 * (an upload, a template opened, the field codes back) and on refresh (after an insert).
 * Disabled, it does not ask: reading a Word document costs a round trip.
 */
export const useDocumentFields = (
  enabled = true,
): { state: DocumentFieldsState; refresh: () => void } => {
  const host = useHost();
  const { version } = useDocumentVersion();
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState<DocumentFieldsState>({ status: "loading" });
  const latest = useRef(0);

  useEffect(() => {
    if (!enabled) return;
    const call = ++latest.current;
    setState((previous) => ({ status: "loading", fields: previous.fields }));
    host.listFields().then(
      (fields) => {
        if (call === latest.current) setState({ status: "ok", fields });
      },
      (error: unknown) => {
        if (call === latest.current)
          setState((previous) => ({ status: "error", error, fields: previous.fields }));
      },
    );
  }, [host, version, generation, enabled]);

  return { state, refresh: useCallback(() => setGeneration((g) => g + 1), []) };
};
