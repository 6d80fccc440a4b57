import { api } from "@shared/model/api";
import { paneDeliveryEndpoints } from "@shared/model/api/delivery";

/**
 * The endpoints the pane's client calls: the contract, and the delivery endpoints the server
 * does not list yet (pane15's block in shared/model/api/delivery.ts). Once they are in `api`,
 * this is `api` again and the spread can go.
 */
export const paneApi = { ...api, ...paneDeliveryEndpoints } as const;
export type PaneApi = typeof paneApi;
export type PaneEndpointName = keyof PaneApi;
