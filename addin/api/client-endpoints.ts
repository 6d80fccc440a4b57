import { api } from "@shared/model/api";

/** The endpoints the pane's client calls: the contract's, every one served by the API. */
export const paneApi = api;
export type PaneApi = typeof paneApi;
export type PaneEndpointName = keyof PaneApi;
