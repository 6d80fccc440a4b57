import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { createBrowserHost } from "./browser";
import type { DocumentMode, PaneHost } from "./host";

const HostContext = createContext<PaneHost>(createBrowserHost());

/** Hands the detected host to every feature below it. */
export const HostProvider = ({ host, children }: { host: PaneHost; children: ReactNode }) => (
  <HostContext.Provider value={host}>{children}</HostContext.Provider>
);

export const useHost = (): PaneHost => useContext(HostContext);

/**
 * A number that grows whenever the letter changes (an upload, a preview, the field codes back)
 * and the document's mode, so views re-read what they show from the document.
 */
export const useDocumentVersion = (): { version: number; mode: DocumentMode } => {
  const host = useHost();
  const [state, setState] = useState(() => ({ version: 0, mode: host.documentMode() }));
  useEffect(
    () =>
      host.onDocumentChange(() =>
        setState((previous) => ({ version: previous.version + 1, mode: host.documentMode() })),
      ),
    [host],
  );
  return state;
};
