import type { IncomingMessage } from "node:http";

/**
 * A request body read from the socket within a limit: refused from its Content-Length before a
 * byte is read, or as soon as a streamed (chunked) body passes the limit, never buffered beyond.
 */
export type BodyRead =
  | { readonly kind: "read"; readonly bytes: Buffer }
  | { readonly kind: "too-large" }
  /** The client went away; there is nobody to answer. */
  | { readonly kind: "aborted" };

/** True when the request says a body follows (a length above 0, or chunks). */
export const sendsBody = (req: IncomingMessage): boolean =>
  req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;

/** The declared length is over the limit: no need to read a byte to refuse it. */
export const declaredOver = (req: IncomingMessage, limit: number): boolean =>
  Number(req.headers["content-length"] ?? 0) > limit;

export const readBodyWithin = (req: IncomingMessage, limit: number): Promise<BodyRead> =>
  new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const settle = (read: BodyRead) => {
      if (settled) return;
      settled = true;
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onGone);
      req.off("close", onClose);
      resolve(read);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        // Stop here: what follows is the refusal's to drain or cut off.
        req.pause();
        chunks.length = 0;
        settle({ kind: "too-large" });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => settle({ kind: "read", bytes: Buffer.concat(chunks, total) });
    const onGone = () => settle({ kind: "aborted" });
    const onClose = () => {
      if (!req.complete) onGone();
    };
    req.on("data", onData);
    req.once("end", onEnd);
    req.once("error", onGone);
    req.once("close", onClose);
  });
