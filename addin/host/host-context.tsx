import { createContext, useContext, type ReactNode } from "react";
import { createBrowserHost } from "./browser";
import type { PaneHost } from "./host";

const HostContext = createContext<PaneHost>(createBrowserHost());

/** Hands the detected host to every feature below it. */
export const HostProvider = ({ host, children }: { host: PaneHost; children: ReactNode }) => (
  <HostContext.Provider value={host}>{children}</HostContext.Provider>
);

export const useHost = (): PaneHost => useContext(HostContext);
