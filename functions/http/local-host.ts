import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { HttpRequest, InvocationContext, type HttpResponseInit } from "@azure/functions";
import type { Route } from "../routes";
import type { DevIssuer } from "../auth/dev-issuer";
import { devIssuerAnswers, type DeploymentEnvironment } from "../auth/dev-issuer-gate";
import {
  answerDevIssuer,
  devIssuerBodyLimit,
  devIssuerMethod,
  devIssuerPrefix,
} from "../auth/dev-issuer-route";
import { PayloadTooLargeError } from "../errors/app-errors";
import { isLoopbackHost } from "./loopback";
import { errorToResponse, problemResponse } from "./problem";
import { writeRawProblem } from "./raw-problem";
import { refuseRequest } from "./refuse-request";
import { allowHeader, createRouteTable, knownMethods, type RouteLookup } from "./route-table";
import { withSecurityHeaders } from "./security-headers";
import { declaredOver, readBodyWithin } from "./socket-body";
import { writeResponse } from "./write-response";

export interface LocalHostOptions {
  /** Origins allowed to call the API from a browser (the task pane's dev server). */
  readonly corsOrigins: readonly string[];
  /** The largest request body, unless an endpoint sets its own (config.maxBodyBytes). */
  readonly maxBodyBytes: number;
  /**
   * The local development issuer: its key set at /dev-issuer/keys and, for sign-in on this
   * machine, tokens at POST /dev-issuer/token. Only the local host serves these, never Azure,
   * and only where dev-issuer-gate.ts allows (development, loopback at both ends).
   */
  readonly devIssuer?: {
    readonly issuer: DevIssuer;
    readonly environment: DeploymentEnvironment;
  };
  /** Where handler logs go; silent by default in tests. */
  readonly log?: (level: string, ...args: unknown[]) => void;
}

export interface LocalHost {
  /** Runs one request through the route table exactly as app.http would (no socket rules). */
  dispatch(request: HttpRequest): Promise<HttpResponseInit>;
  listen(port: number, host?: string): Promise<Server>;
}

const exposedHeaders = "ETag, Location, Retry-After, Content-Disposition";

type Found = Extract<RouteLookup, { kind: "found" }>;

const notFound = (path: string) =>
  problemResponse(404, "no-route", "No such endpoint", {
    detail: `Nothing answers ${path}. See /api/openapi.json.`,
  });

const methodNotAllowed = (method: string, path: string, allow: string) =>
  problemResponse(
    405,
    "method-not-allowed",
    "Method not allowed",
    { detail: `${path} does not take ${method}; it takes ${allow}.` },
    { allow },
  );

const badRequest = (detail: string) =>
  problemResponse(400, "bad-request", "Bad request", { detail });

const tooLarge = (limit: number) => errorToResponse(new PayloadTooLargeError(limit), randomUUID());

/**
 * Serves the same route table as functions/index.ts on node:http, for `npm start` and tests on
 * machines without Azure Functions Core Tools. Before a route runs, every request passes the
 * rules a socket open on this machine needs:
 *
 * 1. Host must be a loopback name (loopback.ts), else 421: no DNS-rebinding page gets an answer.
 * 2. A method outside GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS gets 405 with Allow.
 * 3. The path is routed without reading the body; a body is then read only within the route's
 *    limit, refused from its Content-Length or as soon as a stream passes it (413), all before
 *    authentication, which runs in the handler.
 */
export const createLocalHost = (routes: readonly Route[], options: LocalHostOptions): LocalHost => {
  const table = createRouteTable(routes);
  const log = options.log ?? (() => undefined);

  const allowFor = (path: string): string => {
    const devMethod = path.startsWith(devIssuerPrefix) ? devIssuerMethod(path) : undefined;
    return (
      table.allowFor(path) ?? (devMethod ? allowHeader([devMethod]) : allowHeader(knownMethods))
    );
  };

  const run = (found: Found, request: HttpRequest, bytes: Uint8Array | undefined) => {
    const method = request.method === "HEAD" ? "GET" : request.method;
    const routed = new HttpRequest({
      method,
      url: request.url,
      headers: Object.fromEntries(request.headers.entries()),
      params: found.params,
      ...(bytes && method !== "GET" ? { body: { bytes } } : {}),
    });
    const context = new InvocationContext({
      invocationId: randomUUID(),
      functionName: found.route.name,
      logHandler: (level, ...args) => log(level, ...args),
    });
    return found.route.handler(routed, context);
  };

  const dispatch = async (request: HttpRequest): Promise<HttpResponseInit> => {
    const path = new URL(request.url).pathname;
    if (!knownMethods.includes(request.method))
      return methodNotAllowed(request.method, path, allowFor(path));
    const found = table.lookup(request.method, path);
    if (found.kind === "not-found") return notFound(path);
    if (found.kind === "wrong-method") return methodNotAllowed(request.method, path, found.allow);
    const response = await run(found, request, new Uint8Array(await request.arrayBuffer()));
    return request.method === "HEAD"
      ? { ...response, body: undefined, jsonBody: undefined }
      : response;
  };

  const corsHeaders = (origin: string | undefined): Record<string, string> =>
    origin && options.corsOrigins.includes(origin)
      ? {
          "access-control-allow-origin": origin,
          "access-control-expose-headers": exposedHeaders,
          vary: "Origin",
        }
      : {};

  /** Reads the body within `limit`, or answers 413 and returns undefined. */
  const receive = async (
    req: IncomingMessage,
    res: ServerResponse,
    limit: number,
    cors: Record<string, string>,
  ): Promise<Buffer | undefined> => {
    if (declaredOver(req, limit)) {
      refuseRequest(req, res, tooLarge(limit), { headers: cors });
      return undefined;
    }
    const continued = req.headers["expect"]?.toLowerCase() === "100-continue";
    if (continued) res.writeContinue();
    const read = await readBodyWithin(req, limit);
    if (read.kind === "read") return read.bytes;
    if (read.kind === "too-large")
      refuseRequest(req, res, tooLarge(limit), { headers: cors, continued });
    return undefined;
  };

  const serveDevIssuer = async (
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    cors: Record<string, string>,
  ) => {
    const dev = options.devIssuer;
    const method = devIssuerMethod(path);
    const answers =
      dev !== undefined &&
      devIssuerAnswers({
        environment: dev.environment,
        localAddress: req.socket.localAddress,
        remoteAddress: req.socket.remoteAddress,
      });
    if (!answers || !method) return refuseRequest(req, res, notFound(path), { headers: cors });
    if (req.method !== method && !(req.method === "HEAD" && method === "GET")) {
      return refuseRequest(
        req,
        res,
        methodNotAllowed(req.method ?? "", path, allowHeader([method])),
        {
          headers: cors,
        },
      );
    }
    const body = await receive(req, res, devIssuerBodyLimit, cors);
    if (body === undefined) return;
    await writeResponse(res, withSecurityHeaders(await answerDevIssuer(dev.issuer, path, body)), {
      extra: cors,
      headOnly: req.method === "HEAD",
    });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const origin = req.headers.origin;
    const cors = corsHeaders(origin);
    const refuse = (response: HttpResponseInit) =>
      refuseRequest(req, res, response, { headers: cors });
    if (!isLoopbackHost(req.headers.host, req.socket.localPort ?? 0)) {
      return refuse(
        problemResponse(421, "misdirected", "Not addressed to this machine", {
          detail:
            "The local API answers only requests for localhost, 127.0.0.1 or [::1] on its own port.",
        }),
      );
    }
    const target = req.url ?? "";
    if (!target.startsWith("/")) return refuse(badRequest("The request target must be a path."));
    let url: URL;
    try {
      url = new URL(`http://${req.headers.host}${target}`);
    } catch {
      return refuse(badRequest("The request target is not a valid URL path."));
    }
    const path = url.pathname;
    const method = req.method ?? "GET";
    if (!knownMethods.includes(method))
      return refuse(methodNotAllowed(method, path, allowFor(path)));
    if (method === "OPTIONS") {
      res.writeHead(204, {
        ...cors,
        allow: allowFor(path),
        "access-control-allow-methods": "GET, HEAD, POST, PUT, PATCH, DELETE",
        "access-control-allow-headers":
          req.headers["access-control-request-headers"] ?? "content-type, if-match, authorization",
        "access-control-max-age": "600",
      });
      res.end();
      return;
    }
    if (path.startsWith(devIssuerPrefix)) return serveDevIssuer(req, res, path, cors);
    const found = table.lookup(method, path);
    if (found.kind === "not-found") return refuse(notFound(path));
    if (found.kind === "wrong-method") return refuse(methodNotAllowed(method, path, found.allow));
    const bytes = await receive(
      req,
      res,
      found.route.spec.maxBodyBytes ?? options.maxBodyBytes,
      cors,
    );
    if (bytes === undefined) return;
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
    const request = new HttpRequest({ method, url: url.toString(), headers });
    const response = await run(found, request, new Uint8Array(bytes));
    await writeResponse(res, response, { extra: cors, headOnly: method === "HEAD" });
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      log("error", error);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const failed = withSecurityHeaders(
        problemResponse(500, "internal", "Local host error", {
          detail: "The error was logged. Try again; if it persists, look at the console.",
        }),
      );
      res.writeHead(500, failed.headers as Record<string, string>);
      res.end(JSON.stringify(failed.jsonBody));
    });
  };

  /** What node's parser refuses never becomes a request: answer it as problem+json too. */
  const onClientError = (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === "ECONNRESET" || !socket.writable) {
      socket.destroy();
      return;
    }
    if (error.code === "HPE_INVALID_METHOD") {
      writeRawProblem(socket, 405, "method-not-allowed", "Method not allowed", "Unknown method.", {
        allow: allowHeader(knownMethods),
      });
    } else if (error.code === "HPE_HEADER_OVERFLOW") {
      writeRawProblem(
        socket,
        431,
        "headers-too-large",
        "Headers too large",
        "Send fewer or smaller headers.",
      );
    } else if (error.code === "ERR_HTTP_REQUEST_TIMEOUT") {
      writeRawProblem(
        socket,
        408,
        "request-timeout",
        "Request timeout",
        "The request took too long to arrive.",
      );
    } else {
      writeRawProblem(socket, 400, "bad-request", "Bad request", "The request is not valid HTTP.");
    }
  };

  /** A proxy tunnel is no business of the local API. */
  const onConnect = (req: IncomingMessage, socket: Duplex) => {
    if (!isLoopbackHost(req.headers.host, req.socket.localPort ?? 0)) {
      writeRawProblem(socket, 421, "misdirected", "Not addressed to this machine", "Wrong Host.");
      return;
    }
    writeRawProblem(
      socket,
      405,
      "method-not-allowed",
      "Method not allowed",
      "CONNECT is not served here.",
      {
        allow: allowHeader(knownMethods),
      },
    );
  };

  return {
    dispatch,
    listen: (port, host = "127.0.0.1") =>
      new Promise((resolve, reject) => {
        // Without a Host header node would answer 400 itself; the loopback rule answers 421.
        const server = createServer({ requireHostHeader: false }, onRequest);
        // Answer Expect: 100-continue ourselves: a body over the limit is refused unsent.
        server.on("checkContinue", onRequest);
        server.on("clientError", onClientError);
        server.on("connect", onConnect);
        server.keepAliveTimeout = 65_000;
        server.once("error", reject);
        server.listen(port, host, () => resolve(server));
      }),
  };
};
