import type { EndpointSpec } from "@shared/model/endpoint";
import type { api } from "@shared/model/api";
import { segmentEndpoints } from "@shared/model/api/segments";

/** The endpoints the pane's client calls: the contract's, every one served by the API. */
export type PaneApi = typeof api;
export type PaneEndpointName = keyof PaneApi;

/**
 * The segment list's endpoints come with the pane's first bundle; the rest of the contract (its
 * zod schemas are most of it) is its own chunk, loaded by the first call that needs it, so the
 * pane is usable before every schema of every resource is built (bench/pane.bench.ts).
 */
const atStart: Readonly<Partial<Record<PaneEndpointName, EndpointSpec>>> = segmentEndpoints;

let wholeContract: Promise<Readonly<Record<PaneEndpointName, EndpointSpec>>> | undefined;

const loadWholeContract = () =>
  (wholeContract ??= import(/* webpackChunkName: "contract" */ "@shared/model/api").then(
    (m) => m.api,
    (error: unknown) => {
      // A failed chunk load (a dropped connection) is tried again by the next call.
      wholeContract = undefined;
      throw error;
    },
  ));

/** The contract's entry for an endpoint: method, path, and the schemas its answer is checked by. */
export const endpointSpec = async (name: PaneEndpointName): Promise<EndpointSpec> =>
  atStart[name] ?? (await loadWholeContract())[name];
