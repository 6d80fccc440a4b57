import type { MailTransport } from "../mail-transport";
import { loadGraphSettings } from "./graph-settings";
import { createGraphTransport, type GraphTransportOptions } from "./graph-transport";

/** The Graph transport as the Function App's settings describe it (GRAPH_*; see the README). */
export const createGraphTransportFromEnv = (
  env: NodeJS.ProcessEnv = process.env,
  options: GraphTransportOptions = {},
): MailTransport => createGraphTransport(loadGraphSettings(env), options);
