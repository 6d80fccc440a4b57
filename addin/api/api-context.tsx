import { createContext, useContext, type ReactNode } from "react";
import type { ApiClient } from "./client";

export interface ApiConnection {
  client: ApiClient;
  /** Shown to the user when the API cannot be reached. */
  baseUrl: string;
  /** The one interactive sign-in, started from the Sign in button when a silent token failed. */
  signIn?: () => Promise<void>;
}

const ApiContext = createContext<ApiConnection | undefined>(undefined);

/** Features take the client from here, so tests can hand them one that talks to a fake fetch. */
export const ApiProvider = ({
  connection,
  children,
}: {
  connection: ApiConnection;
  children: ReactNode;
}) => <ApiContext.Provider value={connection}>{children}</ApiContext.Provider>;

export const useApi = (): ApiConnection => {
  const connection = useContext(ApiContext);
  if (!connection) throw new Error("useApi needs an <ApiProvider> above it");
  return connection;
};
