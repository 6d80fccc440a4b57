import type { HttpRequest } from "@azure/functions";
import { PayloadTooLargeError } from "../errors/app-errors";

/** The Content-Length a request declares; 0 when it declares none. */
export const declaredLength = (request: HttpRequest): number =>
  Number(request.headers.get("content-length") ?? "0");

/** Reads the body, refusing it as soon as it passes the limit rather than after buffering it all. */
export const readBody = async (request: HttpRequest, limitBytes: number): Promise<Buffer> => {
  if (declaredLength(request) > limitBytes) throw new PayloadTooLargeError(limitBytes);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel();
      throw new PayloadTooLargeError(limitBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
};
