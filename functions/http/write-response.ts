import type { ServerResponse } from "node:http";
import type { HttpResponseInit } from "@azure/functions";

export interface WriteOptions {
  /** Sent as well, under the response's own headers (CORS). */
  readonly extra?: Record<string, string>;
  /** HEAD: the status and headers GET would send, no body. */
  readonly headOnly?: boolean;
}

/** An Azure Functions response written to node:http, as the Functions host would send it. */
export const writeResponse = async (
  res: ServerResponse,
  response: HttpResponseInit,
  { extra = {}, headOnly = false }: WriteOptions = {},
): Promise<void> => {
  const headers: Record<string, string> = { ...extra };
  new Headers(response.headers as Record<string, string> | undefined).forEach(
    (value, key) => (headers[key] = value),
  );
  let body: string | Buffer | undefined;
  if (response.jsonBody !== undefined) {
    body = JSON.stringify(response.jsonBody);
    headers["content-type"] ??= "application/json; charset=utf-8";
  } else if (typeof response.body === "string") body = response.body;
  else if (response.body instanceof Uint8Array) body = Buffer.from(response.body);
  else if (response.body instanceof ArrayBuffer) body = Buffer.from(new Uint8Array(response.body));
  else if (
    response.body &&
    typeof (response.body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === "function"
  ) {
    res.writeHead(response.status ?? 200, headers);
    if (!headOnly)
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) res.write(chunk);
    res.end();
    return;
  }
  if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
  res.writeHead(response.status ?? 200, headers);
  res.end(headOnly ? undefined : body);
};
