import { isLoopbackAddress } from "../http/loopback";

/**
 * The development issuer signs an admin token for any tenant to whoever asks, so the condition
 * under which it answers is spelled out here and nowhere else: in development, and only over a
 * connection that is loopback at both ends (the local host also refuses a foreign Host header
 * before any route runs, see loopback.ts).
 */
export type DeploymentEnvironment = "development" | "production";

/**
 * Production wherever NODE_ENV says so or Azure App Service runs the process (it sets
 * WEBSITE_INSTANCE_ID on every instance); development otherwise, as on a laptop running
 * `npm start` or a test.
 */
export const environmentOf = (env: NodeJS.ProcessEnv): DeploymentEnvironment =>
  env["NODE_ENV"] === "production" || env["WEBSITE_INSTANCE_ID"] ? "production" : "development";

export interface DevIssuerRequestSite {
  readonly environment: DeploymentEnvironment;
  /** The address the connection reached on this machine. */
  readonly localAddress: string | undefined;
  /** The address the connection came from. */
  readonly remoteAddress: string | undefined;
}

export const devIssuerAnswers = (site: DevIssuerRequestSite): boolean =>
  site.environment === "development" &&
  isLoopbackAddress(site.localAddress) &&
  isLoopbackAddress(site.remoteAddress);
