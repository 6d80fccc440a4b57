import { z } from "zod";
import { endpoint } from "../endpoint";
import { Health } from "../health";

/** The API's own state: is it up, and what it offers. */
export const systemEndpoints = {
  getHealth: endpoint({
    method: "GET",
    path: "/health",
    tag: "System",
    summary: "Is the API up, and can it reach its stores?",
    response: Health,
    status: 200,
    access: "public",
  }),
  getOpenApi: endpoint({
    method: "GET",
    path: "/openapi.json",
    tag: "System",
    summary: "This API, described as OpenAPI 3.1.",
    response: z.record(z.string(), z.unknown()),
    status: 200,
    access: "public",
  }),
} as const;
