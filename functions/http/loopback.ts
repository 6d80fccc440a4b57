import { isIP } from "node:net";

/**
 * The local host answers only requests addressed to this machine by a loopback name. A page on
 * another site can make a browser send it requests by pointing its own name at 127.0.0.1 (DNS
 * rebinding); the browser then sends that other name as Host, which is what gives it away.
 */
const loopbackNames = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** True for `localhost`, `127.0.0.1` or `[::1]`, with no port or the one the server listens on. */
export const isLoopbackHost = (host: string | undefined, port: number): boolean => {
  if (!host) return false;
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/.exec(host.trim().toLowerCase());
  if (!match) return false;
  const [, name, given] = match;
  return loopbackNames.has(name ?? "") && (given === undefined || Number(given) === port);
};

/** A socket address on this machine only: 127.0.0.0/8, ::1, or 127.x mapped into IPv6. */
export const isLoopbackAddress = (address: string | undefined): boolean => {
  if (!address) return false;
  if (address === "::1") return true;
  const v4 = address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
  return isIP(v4) === 4 && v4.startsWith("127.");
};
