import type { HttpResponseInit } from "@azure/functions";
import type { IncomingMessage, ServerResponse } from "node:http";
import { withSecurityHeaders } from "./security-headers";
import { sendsBody } from "./socket-body";

/**
 * Answering a request whose body has not been read (too large, or for no route), and closing
 * the connection. Closing at once would reset it while the client still sends, and a reset can
 * make the client lose the answer; reading the rest would let a client make us take in any
 * amount. So the whole answer goes out first (its length declared, so the client knows it has
 * it all), then at most `lingerLimits` more is read and thrown away before the connection closes.
 */
export const lingerLimits = { bytes: 256 * 1024, milliseconds: 2_000 } as const;

const headersOf = (response: HttpResponseInit): Record<string, string> =>
  Object.fromEntries(
    new Headers(withSecurityHeaders(response).headers as Record<string, string>).entries(),
  );

export interface RefusalOptions {
  /** Sent too, e.g. CORS headers. */
  readonly headers?: Record<string, string>;
  /** 100 Continue was sent: a client that asked for it is sending its body now. */
  readonly continued?: boolean;
}

export const refuseRequest = (
  req: IncomingMessage,
  res: ServerResponse,
  response: HttpResponseInit,
  { headers = {}, continued = false }: RefusalOptions = {},
): void => {
  const body = Buffer.from(
    response.jsonBody === undefined ? "" : JSON.stringify(response.jsonBody),
    "utf8",
  );
  const pending = sendsBody(req) && !req.complete;
  res.writeHead(response.status ?? 400, {
    ...headers,
    ...headersOf(response),
    "content-length": String(body.length),
    ...(pending ? { connection: "close" } : {}),
  });
  // A client still waiting for 100 Continue sends nothing more: nothing to linger for.
  const waiting = !continued && req.headers["expect"]?.toLowerCase() === "100-continue";
  if (!pending || waiting) {
    res.end(body);
    return;
  }
  res.write(body);
  let discarded = 0;
  const close = () => {
    clearTimeout(timer);
    req.off("data", onData);
    req.off("end", close);
    if (!res.writableEnded) res.end();
  };
  const onData = (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > lingerLimits.bytes) {
      close();
      req.socket.destroy();
    }
  };
  const timer = setTimeout(() => {
    close();
    req.socket.destroy();
  }, lingerLimits.milliseconds);
  timer.unref();
  req.on("data", onData);
  req.once("end", close);
  req.resume();
};
