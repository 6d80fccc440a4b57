import type { HttpResponseInit } from "@azure/functions";
import { problemResponse } from "../http/problem";
import type { DevIssuer } from "./dev-issuer";

/**
 * The development issuer's two endpoints, as the local host serves them: its key set, and a token
 * for the tenant and user asked for. Whether it may answer at all is dev-issuer-gate.ts's call.
 */
export const devIssuerPrefix = "/dev-issuer/";

/** A token request is a tenant, a user, a name and a few roles: far below this. */
export const devIssuerBodyLimit = 16 * 1024;

const methodsByPath: Readonly<Record<string, string>> = {
  "/dev-issuer/keys": "GET",
  "/dev-issuer/token": "POST",
};

/** The method a development issuer path takes, or undefined for a path it does not have. */
export const devIssuerMethod = (path: string): string | undefined => methodsByPath[path];

const readTokenRequest = (body: Buffer): Record<string, unknown> => {
  try {
    const parsed: unknown = JSON.parse(body.toString("utf8") || "{}");
    return parsed !== null && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

/** Answers a request the local host routed here with the method devIssuerMethod named. */
export const answerDevIssuer = async (
  issuer: DevIssuer,
  path: string,
  body: Buffer,
): Promise<HttpResponseInit> => {
  if (path === "/dev-issuer/keys") return { status: 200, jsonBody: issuer.jwks };
  const { tenant, user, name, roles } = readTokenRequest(body);
  if (typeof tenant !== "string" || typeof user !== "string") {
    return problemResponse(400, "validation", "Invalid request", {
      errors: [
        { in: "body", field: "tenant", rule: "required", message: "tenant and user are required" },
      ],
    });
  }
  const token = await issuer.sign({
    tenant,
    user,
    ...(typeof name === "string" ? { name } : {}),
    ...(Array.isArray(roles)
      ? { roles: roles.filter((r): r is string => typeof r === "string") }
      : {}),
  });
  return {
    status: 200,
    jsonBody: { access_token: token, token_type: "Bearer", expires_in: 3600 },
  };
};
