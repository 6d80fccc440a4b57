import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { problemResponse } from "./problem";
import { withSecurityHeaders } from "./security-headers";

/**
 * A problem+json answer written straight to a socket and the connection closed, for what never
 * becomes a request node:http hands us: a line its parser refuses (an unknown method, headers
 * too large) or a CONNECT.
 */
export const writeRawProblem = (
  socket: Duplex,
  status: number,
  slug: string,
  title: string,
  detail: string,
  headers: Record<string, string> = {},
): void => {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const response = withSecurityHeaders(problemResponse(status, slug, title, { detail }, headers));
  const body = JSON.stringify(response.jsonBody);
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}`,
    ...Object.entries(response.headers as Record<string, string>).map(([k, v]) => `${k}: ${v}`),
    `content-length: ${Buffer.byteLength(body)}`,
    "connection: close",
  ];
  socket.end(`${lines.join("\r\n")}\r\n\r\n${body}`);
};
