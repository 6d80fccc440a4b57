import type { HttpResponseInit } from "@azure/functions";

/**
 * What every API answer carries: it is data, never a page, so it may not be sniffed, framed,
 * cached or given a referrer, and browsers keep to HTTPS.
 */
const securityHeaders: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "strict-transport-security": "max-age=31536000; includeSubDomains",
};

export const withSecurityHeaders = (response: HttpResponseInit): HttpResponseInit => {
  const headers = new Headers(response.headers as Record<string, string> | undefined);
  for (const [name, value] of Object.entries(securityHeaders))
    if (!headers.has(name)) headers.set(name, value);
  return { ...response, headers: Object.fromEntries(headers.entries()) };
};
