import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { HttpRequest, InvocationContext, type HttpResponseInit } from "@azure/functions";
import type { Route } from "../routes";
import { problemResponse } from "./problem";
import { compileRoute } from "./route-match";
import type { DevIssuer } from "../auth/dev-issuer";

export interface LocalHostOptions {
  /** Origins allowed to call the API from a browser (the task pane's dev server). */
  readonly corsOrigins: readonly string[];
  /**
   * The local development issuer: its key set at /dev-issuer/keys and, for sign-in on this
   * machine, tokens at POST /dev-issuer/token. Only the local host serves these, never Azure.
   */
  readonly devIssuer?: DevIssuer;
  /** Where handler logs go; silent by default in tests. */
  readonly log?: (level: string, ...args: unknown[]) => void;
}

export interface LocalHost {
  /** Runs one request through the route table exactly as app.http would. */
  dispatch(request: HttpRequest): Promise<HttpResponseInit>;
  listen(port: number, host?: string): Promise<Server>;
}

const exposedHeaders = "ETag, Location, Retry-After, Content-Disposition";

/**
 * Serves the same route table as functions/index.ts on node:http, for `npm start` and tests on
 * machines without Azure Functions Core Tools.
 */
export const createLocalHost = (routes: readonly Route[], options: LocalHostOptions): LocalHost => {
  const compiled = routes.map((route) => ({
    route,
    matcher: compileRoute(`/api${route.spec.path}`),
  }));
  const log = options.log ?? (() => undefined);

  const devIssuerRoute = async (
    request: HttpRequest,
    path: string,
  ): Promise<HttpResponseInit | undefined> => {
    const issuer = options.devIssuer;
    if (!issuer || !path.startsWith("/dev-issuer/")) return undefined;
    if (path === "/dev-issuer/keys" && request.method === "GET")
      return { status: 200, jsonBody: issuer.jwks };
    if (path === "/dev-issuer/token" && request.method === "POST") {
      const body = (await request.json().catch(() => ({}))) as {
        tenant?: unknown;
        user?: unknown;
        name?: unknown;
        roles?: unknown;
      };
      if (typeof body.tenant !== "string" || typeof body.user !== "string") {
        return problemResponse(400, "validation", "Invalid request", {
          errors: [
            {
              in: "body",
              field: "tenant",
              rule: "required",
              message: "tenant and user are required",
            },
          ],
        });
      }
      const token = await issuer.sign({
        tenant: body.tenant,
        user: body.user,
        ...(typeof body.name === "string" ? { name: body.name } : {}),
        ...(Array.isArray(body.roles)
          ? { roles: body.roles.filter((r): r is string => typeof r === "string") }
          : {}),
      });
      return {
        status: 200,
        jsonBody: { access_token: token, token_type: "Bearer", expires_in: 3600 },
      };
    }
    return problemResponse(404, "no-route", "No such endpoint", { detail: path });
  };

  const dispatch = async (request: HttpRequest): Promise<HttpResponseInit> => {
    const path = new URL(request.url).pathname;
    const issued = await devIssuerRoute(request, path);
    if (issued) return issued;
    const matching = compiled.flatMap(({ route, matcher }) => {
      const params = matcher.match(path);
      return params ? [{ route, params }] : [];
    });
    if (matching.length === 0) {
      return problemResponse(404, "no-route", "No such endpoint", {
        detail: `Nothing answers ${path}. See /api/openapi.json.`,
      });
    }
    const hit = matching.find((m) => m.route.spec.method === request.method);
    if (!hit) {
      const allowed = [...new Set(matching.map((m) => m.route.spec.method))].join(", ");
      return problemResponse(
        405,
        "method-not-allowed",
        "Method not allowed",
        { detail: `${path} accepts ${allowed}.` },
        { allow: allowed },
      );
    }
    const routed = new HttpRequest({
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers.entries()),
      params: hit.params,
      body: { bytes: new Uint8Array(await request.arrayBuffer()) },
    });
    const context = new InvocationContext({
      invocationId: randomUUID(),
      functionName: hit.route.name,
      logHandler: (level, ...args) => log(level, ...args),
    });
    return hit.route.handler(routed, context);
  };

  const corsHeaders = (origin: string | undefined): Record<string, string> =>
    origin && options.corsOrigins.includes(origin)
      ? {
          "access-control-allow-origin": origin,
          "access-control-expose-headers": exposedHeaders,
          vary: "Origin",
        }
      : {};

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const origin = req.headers.origin;
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        ...corsHeaders(origin),
        "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE",
        "access-control-allow-headers":
          req.headers["access-control-request-headers"] ?? "content-type, if-match, authorization",
        "access-control-max-age": "600",
      });
      res.end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
    const request = new HttpRequest({
      method: req.method ?? "GET",
      url: `http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`,
      headers,
      body: { bytes: Buffer.concat(chunks) },
    });
    const response = await dispatch(request);
    await writeResponse(res, response, corsHeaders(origin));
  };

  return {
    dispatch,
    listen: (port, host = "127.0.0.1") =>
      new Promise((resolve, reject) => {
        const server = createServer((req, res) => {
          handle(req, res).catch((error: unknown) => {
            log("error", error);
            if (!res.headersSent)
              res.writeHead(500, { "content-type": "application/problem+json" });
            res.end(
              JSON.stringify({
                type: "https://mergeline.dev/problems/internal",
                title: "Local host error",
                status: 500,
              }),
            );
          });
        });
        server.keepAliveTimeout = 65_000;
        server.once("error", reject);
        server.listen(port, host, () => resolve(server));
      }),
  };
};

const writeResponse = async (
  res: ServerResponse,
  response: HttpResponseInit,
  extra: Record<string, string>,
) => {
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
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) res.write(chunk);
    res.end();
    return;
  }
  res.writeHead(response.status ?? 200, headers);
  res.end(body);
};
