import https from "node:https";
import tls from "node:tls";

export interface HttpsRequest {
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
}

export interface HttpsAnswer {
  readonly status: number;
  /** Lower-case names, as Node gives them. */
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
}

/**
 * The request may or may not have reached the service: the connection failed, was dropped or
 * timed out before an answer came. A send that ends so must be looked up before it is tried again.
 */
export class HttpsConnectionError extends Error {
  override readonly name = "HttpsConnectionError";
}

export interface HttpsClient {
  request(request: HttpsRequest, signal?: AbortSignal): Promise<HttpsAnswer>;
  close(): void;
}

export interface HttpsClientOptions {
  readonly timeoutMs: number;
  /** Trusted beside the system's roots (a proxy's CA, the tests' stand-in). */
  readonly trustedCaPem?: string | undefined;
}

/**
 * One keep-alive agent for the authority and Graph, over node:https rather than fetch so that an
 * extra CA can be trusted without a process-wide setting.
 */
export const createHttpsClient = (options: HttpsClientOptions): HttpsClient => {
  const agent = new https.Agent({
    keepAlive: true,
    ...(options.trustedCaPem ? { ca: [...tls.rootCertificates, options.trustedCaPem] } : {}),
  });
  const request = (req: HttpsRequest, signal?: AbortSignal): Promise<HttpsAnswer> =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(new HttpsConnectionError("The request was aborted before it was sent."));
        return;
      }
      const body = req.body === undefined ? undefined : Buffer.from(req.body);
      const outgoing = https.request(req.url, {
        method: req.method,
        agent,
        headers: { ...req.headers, ...(body ? { "content-length": String(body.length) } : {}) },
        timeout: options.timeoutMs,
        ...(signal ? { signal } : {}),
      });
      outgoing.on("timeout", () =>
        outgoing.destroy(new Error(`no answer within ${options.timeoutMs} ms`)),
      );
      outgoing.on("error", (error) =>
        reject(
          new HttpsConnectionError(`${req.method} ${new URL(req.url).host}: ${error.message}`),
        ),
      );
      outgoing.on("response", (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("error", (error) =>
          reject(new HttpsConnectionError(`the answer broke off: ${error.message}`)),
        );
        incoming.on("end", () => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(incoming.headers))
            if (value !== undefined)
              headers[name] = Array.isArray(value) ? value.join(", ") : value;
          resolve({
            status: incoming.statusCode ?? 0,
            headers,
            text: Buffer.concat(chunks).toString("utf8"),
          });
        });
      });
      outgoing.end(body);
    });
  return { request, close: () => agent.destroy() };
};
