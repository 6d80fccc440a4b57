import type {
  HttpHandler,
  HttpRequest,
  HttpResponseInit,
  InvocationContext,
} from "@azure/functions";
import type { EndpointSpec, ParsedBody, ParsedParams, ParsedQuery } from "@shared/model/endpoint";
import { ForbiddenError, PayloadTooLargeError, ValidationError } from "../errors/app-errors";
import { roles, type Identity } from "../auth/identity";
import type { RateLimiter } from "./rate-limit";
import { withSecurityHeaders } from "./security-headers";
import { parseInput, queryToObject } from "./parse-input";
import { errorToResponse, problemResponse } from "./problem";
import { jsonBoundErrors } from "./json-bounds";
import { declaredLength, readBody } from "./read-body";

/** What every handler needs from the app: who is calling, its body limit, its rate limits. */
export interface EdgeDeps {
  readonly config: { readonly maxBodyBytes: number };
  authenticate(request: HttpRequest): Promise<Identity>;
  readonly rateLimiter: RateLimiter;
}

export interface HandlerInput<E extends EndpointSpec> {
  readonly params: ParsedParams<E>;
  readonly query: ParsedQuery<E>;
  /** The validated JSON body; undefined when the request used one of the endpoint's bodyTypes. */
  readonly body: ParsedBody<E>;
  /** The body as it came when it was one of the endpoint's other bodyTypes (text/csv, a .docx). */
  readonly rawBody:
    { readonly contentType: string; readonly text: string; readonly bytes: Uint8Array } | undefined;
  readonly identity: E extends { readonly access: "public" } ? Identity | undefined : Identity;
  /** Present whenever the endpoint requires it; the edge answers 428 before the handler runs. */
  readonly ifMatch: E extends { readonly ifMatch: "required" } ? string : string | undefined;
  readonly request: HttpRequest;
  readonly context: InvocationContext;
}

export interface Reply {
  readonly status?: number;
  readonly json?: unknown;
  readonly text?: string;
  readonly bytes?: Uint8Array;
  readonly contentType?: string;
  readonly etag?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export type Impl<E extends EndpointSpec, D> = (input: HandlerInput<E>, deps: D) => Promise<Reply>;

/** A handler bound to its dependencies, as app.http and the local host register it. */
export type BoundHandler<D> = (getDeps: () => Promise<D>) => HttpHandler;

const quoted = (etag: string) =>
  etag.startsWith('"') || etag.startsWith("W/") ? etag : `"${etag}"`;

const mediaType = (request: HttpRequest) =>
  (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";

const readJsonOrRaw = async (spec: EndpointSpec, request: HttpRequest, limit: number) => {
  const bytes = await readBody(request, limit);
  const type = mediaType(request);
  // An endpoint that takes only a file also takes it without a content type.
  if (spec.bodyTypes?.includes(type) || (!spec.body && type === "")) {
    return {
      raw: { contentType: type, text: bytes.toString("utf8"), bytes: new Uint8Array(bytes) },
    };
  }
  if (type === "application/json" || (type === "" && bytes.length > 0) || type.endsWith("+json")) {
    let json: unknown;
    try {
      json = bytes.length ? (JSON.parse(bytes.toString("utf8")) as unknown) : undefined;
    } catch (e) {
      throw new ValidationError([
        {
          in: "body",
          field: "",
          rule: "invalid_json",
          message: `is not valid JSON: ${(e as Error).message}`,
        },
      ]);
    }
    // Before any schema recurses over it.
    const outOfBounds = jsonBoundErrors(json);
    if (outOfBounds.length > 0) throw new ValidationError(outOfBounds);
    return { json };
  }
  return { unsupported: type };
};

const toResponse = (spec: EndpointSpec, reply: Reply): HttpResponseInit => {
  const headers: Record<string, string> = { ...reply.headers };
  const bodyEtag =
    reply.json && typeof reply.json === "object" && "etag" in reply.json
      ? (reply.json as { etag?: unknown }).etag
      : undefined;
  const etag = reply.etag ?? (typeof bodyEtag === "string" ? bodyEtag : undefined);
  if (etag) headers["etag"] = quoted(etag);
  const status = reply.status ?? spec.status;
  if (reply.bytes !== undefined) {
    headers["content-type"] = reply.contentType ?? spec.responseType ?? "application/octet-stream";
    return { status, headers, body: reply.bytes };
  }
  if (reply.text !== undefined) {
    headers["content-type"] = reply.contentType ?? spec.responseType ?? "text/plain; charset=utf-8";
    return { status, headers, body: reply.text };
  }
  if (status === 204 || reply.json === undefined) return { status, headers };
  return { status, headers, jsonBody: reply.json };
};

/**
 * Every signed-in call needs one of Mergeline's app roles; some endpoints (templates, deleting
 * logged segments) need the admin role.
 */
const authorize = async (
  spec: EndpointSpec,
  request: HttpRequest,
  deps: EdgeDeps,
): Promise<Identity> => {
  const identity = await deps.authenticate(request);
  const isAdmin = identity.roles.includes(roles.admin);
  if (!isAdmin && !identity.roles.includes(roles.marketer)) {
    throw new ForbiddenError(
      "Your account has no Mergeline role. Ask your administrator to assign you Marketer or Admin.",
    );
  }
  if (spec.role === "admin" && !isAdmin) {
    throw new ForbiddenError("Only a Mergeline administrator may do this.");
  }
  return identity;
};

/**
 * Wraps a service call into an Azure Functions handler: identity, input validation against the
 * contract, If-Match, and typed errors turned into problem+json. Handlers stay thin.
 */
export const defineHandler =
  <E extends EndpointSpec, D extends EdgeDeps>(spec: E, impl: Impl<E, D>): BoundHandler<D> =>
  (getDeps) =>
  async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> =>
    withSecurityHeaders(await answer(spec, impl, getDeps, request, context));

const answer = async <E extends EndpointSpec, D extends EdgeDeps>(
  spec: E,
  impl: Impl<E, D>,
  getDeps: () => Promise<D>,
  request: HttpRequest,
  context: InvocationContext,
): Promise<HttpResponseInit> => {
  const instance = context.invocationId;
  try {
    const deps = await getDeps();
    // A body declared too large is refused before anyone is asked who sent it.
    const bodyLimit = spec.maxBodyBytes ?? deps.config.maxBodyBytes;
    if ((spec.body || spec.bodyTypes) && declaredLength(request) > bodyLimit)
      throw new PayloadTooLargeError(bodyLimit);
    const identity = spec.access === "public" ? undefined : await authorize(spec, request, deps);
    if (identity && spec.rateLimit) {
      const retryAfter = deps.rateLimiter.take(identity, spec.rateLimit);
      if (retryAfter > 0) {
        return problemResponse(
          429,
          "too-many-requests",
          "Too many requests",
          { detail: `You started this too often; try again in ${retryAfter} s.`, instance },
          { "retry-after": String(retryAfter) },
        );
      }
    }
    const params = spec.params ? parseInput(spec.params, request.params, "path") : undefined;
    const query = spec.query
      ? parseInput(spec.query, queryToObject(request.query), "query")
      : undefined;
    let body: unknown;
    let rawBody: HandlerInput<E>["rawBody"];
    if (spec.body || spec.bodyTypes) {
      const read = await readJsonOrRaw(spec, request, bodyLimit);
      if ("unsupported" in read) {
        const accepted = ["application/json", ...(spec.bodyTypes ?? [])].join(", ");
        return problemResponse(415, "unsupported-media-type", "Unsupported content type", {
          detail: `Send the body as ${accepted}; got "${read.unsupported || "nothing"}".`,
          instance,
        });
      }
      if ("raw" in read) rawBody = read.raw;
      else if (spec.body) body = parseInput(spec.body, read.json, "body");
      else {
        const accepted = (spec.bodyTypes ?? []).join(", ");
        return problemResponse(415, "unsupported-media-type", "Unsupported content type", {
          detail: `Send the body as ${accepted}.`,
          instance,
        });
      }
    }
    const ifMatch = request.headers.get("if-match") ?? undefined;
    if (spec.ifMatch === "required" && !ifMatch) {
      return problemResponse(428, "if-match-required", "If-Match required", {
        detail: "Send the ETag you read in If-Match, so that nobody else's change is overwritten.",
        errors: [{ in: "header", field: "If-Match", rule: "required", message: "is required" }],
        instance,
      });
    }
    const input = {
      params,
      query,
      body,
      rawBody,
      identity,
      ifMatch,
      request,
      context,
    } as HandlerInput<E>;
    return toResponse(spec, await impl(input, deps));
  } catch (error) {
    const response = errorToResponse(error, instance);
    if ((response.status ?? 500) >= 500) context.error(`${spec.method} ${spec.path} failed`, error);
    return response;
  }
};
