import type { HttpResponseInit } from "@azure/functions";
import type { Problem } from "@shared/model/problem";

const typeBase = "https://mergeline.dev/problems/";

/** An RFC 9457 problem+json answer. */
export const problemResponse = (
  status: number,
  slug: string,
  title: string,
  extra: Omit<Problem, "type" | "title" | "status"> = {},
  headers: Record<string, string> = {},
): HttpResponseInit => ({
  status,
  headers: { "content-type": "application/problem+json", ...headers },
  jsonBody: { type: `${typeBase}${slug}`, title, status, ...extra } satisfies Problem,
});
