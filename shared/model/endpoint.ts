import type { z } from "zod";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** One endpoint of the API: the single description the server, the client and OpenAPI share. */
export interface EndpointSpec {
  readonly method: HttpMethod;
  /** Below /api, in Azure Functions route syntax: /contacts/{no} */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /** Request content types accepted besides application/json (e.g. text/csv). */
  readonly bodyTypes?: readonly string[];
  readonly response?: z.ZodType;
  /** Defaults to application/json; anything else is returned as text or bytes. */
  readonly responseType?: string;
  readonly status: 200 | 201 | 202 | 204;
  /** Updates need the entity's ETag; a stale one answers 412. */
  readonly ifMatch?: "required" | "optional";
  /** Largest accepted body in bytes, when the default (1 MiB) is too small. */
  readonly maxBodyBytes?: number;
  /** The app role needed besides being signed in with Marketer or Admin. */
  readonly role?: "admin";
  /** Expensive work, limited per user (429 with Retry-After past the limit). */
  readonly rateLimit?: "merge" | "import" | "log" | "upload";
  /** "public" endpoints answer without a signed-in user (health, the API description). */
  readonly access?: "public" | "user";
}

export const endpoint = <const E extends EndpointSpec>(spec: E): E => spec;

type Schema<T, K extends string> = T extends { readonly [P in K]: infer S extends z.ZodType }
  ? S
  : undefined;
type In<S> = S extends z.ZodType ? z.input<S> : undefined;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What the server sees after validation. */
export type ParsedParams<E> = Out<Schema<E, "params">>;
export type ParsedQuery<E> = Out<Schema<E, "query">>;
export type ParsedBody<E> = Out<Schema<E, "body">>;
/** What the client sends before defaults and coercion. */
export type ParamsInput<E> = In<Schema<E, "params">>;
export type QueryInput<E> = In<Schema<E, "query">>;
export type BodyInput<E> = In<Schema<E, "body">>;
export type ResponseOf<E> = E extends { readonly response: infer S extends z.ZodType }
  ? z.output<S>
  : E extends { readonly responseType: string }
    ? Blob | string
    : undefined;
