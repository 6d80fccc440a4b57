import "./zod-jitless";
import type {
  BodyInput,
  EndpointSpec,
  ParamsInput,
  QueryInput,
  ResponseOf,
} from "@shared/model/endpoint";
import { Problem } from "@shared/model/problem";
import { endpointSpec, type PaneApi, type PaneEndpointName } from "./client-endpoints";
import { ApiContractError, ApiError, ApiUnreachableError } from "./errors";

type HeaderSource = () => Record<string, string> | Promise<Record<string, string>>;

export interface ApiClientOptions {
  /** Everything before the contract's paths, e.g. http://localhost:7071/api */
  baseUrl: string;
  /** Injected so tests (and later a retrying or authenticating wrapper) can stand in. */
  fetch?: typeof fetch;
  /** Asked before every call, so a token that was refreshed in between is the one sent. */
  headers?: HeaderSource;
  /** How a refusal is shown: its words in the pane's language (i18n/problem-texts.ts). */
  describeProblem?: (problem: Problem) => Problem;
}

type AllOptional<T> = Partial<T> extends T ? true : false;
/** A field the call must carry, may carry, or cannot carry, following the endpoint's spec. */
type Field<K extends string, T> = [T] extends [undefined]
  ? { [P in K]?: never }
  : AllOptional<T> extends true
    ? { [P in K]?: T }
    : { [P in K]: T };
type IfMatchField<E> = E extends { readonly ifMatch: "required" }
  ? { ifMatch: string }
  : E extends { readonly ifMatch: "optional" }
    ? { ifMatch?: string }
    : { ifMatch?: never };

/** Endpoints that take a file (bodyTypes: a .docx, a CSV) take it as a Blob, sent as it is. */
type FileField<E> = E extends { readonly bodyTypes: readonly string[] }
  ? { file?: Blob }
  : { file?: never };

export type CallOptions<E> = Field<"params", ParamsInput<E>> &
  Field<"query", QueryInput<E>> &
  Field<"body", BodyInput<E>> &
  FileField<E> &
  IfMatchField<E> & {
    signal?: AbortSignal;
    /** Extra request headers for this call, e.g. Idempotency-Key on a retryable POST. */
    headers?: Record<string, string>;
  };

/** Options may be left out only when nothing in them is required. */
type CallArgs<E> =
  AllOptional<CallOptions<E>> extends true ? [options?: CallOptions<E>] : [options: CallOptions<E>];

export type ApiClient = <N extends PaneEndpointName>(
  name: N,
  ...args: CallArgs<PaneApi[N]>
) => Promise<ResponseOf<PaneApi[N]>>;

interface LooseOptions {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  file?: Blob;
  ifMatch?: string;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

const fillPath = (name: string, path: string, params: Record<string, unknown> = {}): string =>
  path.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined || value === null || value === "") {
      throw new TypeError(`${name}: path parameter "${key}" is missing`);
    }
    return encodeURIComponent(String(value));
  });

/** The contract's list parameters read "a,b,c" (shared/model/common.ts listParam). */
const queryString = (query: Record<string, unknown> = {}): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    search.append(key, Array.isArray(value) ? value.map(String).join(",") : String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
};

const readProblem = async (response: Response): Promise<Problem | undefined> => {
  try {
    const parsed = Problem.safeParse(await response.json());
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

const isJson = (contentType: string | null): boolean =>
  contentType !== null && /^application\/([\w.+-]+\+)?json\b/i.test(contentType);

/** Builds the typed client from shared/model/api: one `call` for every endpoint of the contract. */
export const createApiClient = (options: ApiClientOptions): ApiClient => {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  const call = async (name: PaneEndpointName, opts: LooseOptions = {}): Promise<unknown> => {
    const spec: EndpointSpec = await endpointSpec(name);
    const url = `${baseUrl}${fillPath(name, spec.path, opts.params)}${queryString(opts.query)}`;
    const headers: Record<string, string> = {
      accept: spec.responseType ?? "application/json",
      ...(await options.headers?.()),
      ...opts.headers,
    };
    if (opts.ifMatch !== undefined) headers["if-match"] = opts.ifMatch;
    let body: string | Blob | undefined;
    if (opts.body !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(opts.body);
    } else if (opts.file !== undefined) {
      headers["content-type"] = opts.file.type || spec.bodyTypes?.[0] || "application/octet-stream";
      body = opts.file;
    }

    let response: Response;
    try {
      response = await doFetch(url, { method: spec.method, headers, body, signal: opts.signal });
    } catch (error) {
      // An abort is the caller's decision, not an unreachable API.
      if (opts.signal?.aborted) throw error;
      throw new ApiUnreachableError(url, { cause: error });
    }

    if (!response.ok) {
      const problem = isJson(response.headers.get("content-type"))
        ? await readProblem(response)
        : undefined;
      const shown = problem && options.describeProblem ? options.describeProblem(problem) : problem;
      throw new ApiError(response.status, shown, name, problem);
    }
    if (response.status === 204 || (!spec.response && !spec.responseType)) return undefined;
    if (spec.responseType && !isJson(spec.responseType)) {
      if (!spec.responseType.startsWith("text/")) return response.blob();
      // response.text() drops a byte order mark; the CSV export sends one so Excel reads UTF-8.
      return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    }
    const parsed = spec.response ? spec.response.safeParse(await response.json()) : undefined;
    if (parsed && !parsed.success) throw new ApiContractError(name, parsed.error.issues);
    return parsed?.data;
  };

  // One generic implementation serves every endpoint; the ApiClient signature is what ties each
  // endpoint name to its options and its response type for callers.
  return call as unknown as ApiClient;
};
