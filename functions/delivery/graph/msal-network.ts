import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from "@azure/msal-node";
import type { HttpsAnswer, HttpsClient } from "./https-client";

const parsed = <T>(answer: HttpsAnswer): NetworkResponse<T> => {
  let body: unknown = {};
  try {
    body = answer.text ? JSON.parse(answer.text) : {};
  } catch {
    // An HTML error page from a proxy: MSAL then reports the status without a body.
  }
  return { status: answer.status, headers: { ...answer.headers }, body: body as T };
};

/**
 * MSAL's network calls through our https client, so MSAL trusts the same extra CA as the Graph
 * calls and shares their keep-alive agent.
 */
export const msalNetworkModule = (client: HttpsClient): INetworkModule => ({
  async sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions) {
    return parsed<T>(await client.request({ method: "GET", url, headers: options?.headers ?? {} }));
  },
  async sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions) {
    return parsed<T>(
      await client.request({
        method: "POST",
        url,
        headers: options?.headers ?? {},
        body: options?.body ?? "",
      }),
    );
  },
});
