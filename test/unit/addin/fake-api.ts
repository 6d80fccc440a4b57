import { contactFields, operatorsFor } from "@shared/criteria/fields";
import { api as paneApi } from "@shared/model/api";
import type { PaneEndpointName } from "../../../addin/api/client-endpoints";
import type { EndpointSpec } from "@shared/model/endpoint";
import type { ProblemError } from "@shared/model/problem";
import type { SegmentBusy } from "@shared/model/segment-busy";
import type { InteractionTemplate } from "@shared/model/interaction-template";
import type { Segment, SegmentLine } from "@shared/model/segment";

/** One call the pane made, as the fake API understood it through the contract. */
export interface FakeCall {
  readonly name: PaneEndpointName;
  readonly method: string;
  readonly params: Record<string, string>;
  readonly query: Record<string, string>;
  readonly body: unknown;
  readonly headers: Record<string, string>;
}

export interface FakeAnswer {
  readonly status: number;
  readonly body?: unknown;
}

export type FakeHandler = (call: FakeCall) => FakeAnswer | Promise<FakeAnswer>;

/** jsdom has no Response; the client needs only this much of one. */
const response = (status: number, body: unknown): Response =>
  ({
    ok: status >= 200 && status < 300,
    status,
    headers: {
      get: (name: string) =>
        name.toLowerCase() === "content-type"
          ? status >= 400
            ? "application/problem+json"
            : "application/json"
          : null,
    },
    json: async () => body,
  }) as unknown as Response;

export const ok = (body?: unknown): FakeAnswer => ({ status: 200, body });

export const problem = (
  status: number,
  title: string,
  errors?: readonly Omit<ProblemError, "rule">[],
  detail?: string,
): FakeAnswer => ({
  status,
  body: {
    type: "https://mergeline.dev/problems/test",
    title,
    status,
    ...(detail ? { detail } : {}),
    ...(errors ? { errors: errors.map((e) => ({ rule: "invalid_value", ...e })) } : {}),
  },
});

/**
 * The 409 of a busy segment as functions/segments/segment-lock.ts answers it: the English detail
 * with its raw times, and the entry with the facts (none from a server older than them).
 */
export const segmentBusy = (facts?: SegmentBusy, no = "MG0001"): FakeAnswer => {
  const detail = `Segment ${no} is busy: ${facts?.holder ?? "someone else"} is adding contacts since ${facts?.since ?? "2026-03-02T09:00:00.000Z"}; the lease ends at ${facts?.leaseUntil ?? "2026-03-02T09:02:00.000Z"}; try again.`;
  return {
    status: 409,
    body: {
      type: "https://mergeline.dev/problems/conflict",
      title: "Conflict",
      status: 409,
      detail,
      errors: [
        {
          in: "path",
          field: "no",
          rule: "segment_busy",
          message: detail,
          ...(facts ? { busy: facts } : {}),
        },
      ],
    },
  };
};

const match = (template: string, path: string): Record<string, string> | undefined => {
  const names: string[] = [];
  const pattern = new RegExp(
    `^${template.replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return "([^/]+)";
    })}$`,
  );
  const hit = pattern.exec(path);
  if (!hit) return undefined;
  return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(hit[i + 1] ?? "")]));
};

/**
 * A fetch that answers like the API: it finds the endpoint in the contract by method and path,
 * validates the body with the contract's schema (a bad body is the test's bug: 400 with the
 * issues), and asks the test's handler; an endpoint without a handler answers 501 as the
 * server does for what has not landed.
 */
export const createFakeApi = (handlers: Partial<Record<PaneEndpointName, FakeHandler>>) => {
  const calls: FakeCall[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const path = url.pathname.replace(/^\/api/, "");
    const method = init?.method ?? "GET";
    const body = typeof init?.body === "string" ? (JSON.parse(init.body) as unknown) : undefined;
    const candidates = (Object.entries(paneApi) as [PaneEndpointName, EndpointSpec][]).filter(
      ([, spec]) => spec.method === method && match(spec.path, path),
    );
    // One path may serve two bodies (a resend by download or by e-mail): the body tells which.
    const accepting = candidates.filter(
      ([, spec]) => !spec.body || body === undefined || spec.body.safeParse(body).success,
    );
    const [first] = candidates;
    if (first && accepting.length === 0) {
      const issues = first[1].body?.safeParse(body).error?.issues;
      throw new Error(
        `${first[0]}: the pane sent a body the contract refuses: ${JSON.stringify(issues)}`,
      );
    }
    for (const [name, spec] of accepting) {
      const params = match(spec.path, path) ?? {};
      const call: FakeCall = {
        name,
        method,
        params,
        query: Object.fromEntries(url.searchParams),
        body,
        headers: { ...(init?.headers as Record<string, string>) },
      };
      calls.push(call);
      const handler = handlers[name];
      const answer = handler
        ? await handler(call)
        : problem(501, "Not implemented yet", undefined, `${method} ${spec.path}`);
      return response(answer.status, answer.body);
    }
    return response(404, { type: "about:blank", title: "Not found", status: 404 });
  };
  return {
    fetch: fetch as typeof globalThis.fetch,
    calls,
    callsTo: (name: PaneEndpointName) => calls.filter((c) => c.name === name),
  };
};

export const stamp = {
  etag: '"1"',
  createdAt: "2026-01-01T00:00:00Z",
  createdBy: "demo",
  modifiedAt: "2026-01-01T00:00:00Z",
  modifiedBy: "demo",
};

export const aSegment = (overrides: Partial<Segment> = {}): Segment => ({
  no: "MG0001",
  description: "Spring letter",
  date: "2026-03-01",
  dynamic: false,
  ignoreContactCorrespondenceType: false,
  unitCost: 0,
  unitDuration: 0,
  campaignTarget: false,
  campaignResponse: false,
  status: "open",
  noOfLines: 2,
  noOfCriteriaActions: 0,
  ...stamp,
  ...overrides,
});

export const anInteractionTemplate = (
  overrides: Partial<InteractionTemplate> = {},
): InteractionTemplate => ({
  code: "LETTER",
  description: "Letter",
  unitCost: 0,
  unitDuration: 0,
  ignoreContactCorrespondenceType: false,
  attachments: [],
  campaignTarget: false,
  campaignResponse: false,
  ...stamp,
  ...overrides,
});

export const aLine = (overrides: Partial<SegmentLine> = {}): SegmentLine => ({
  segmentNo: "MG0001",
  lineNo: 1,
  contactNo: "KT0001",
  contactName: "Jens Hansen",
  attachment: { kind: "inherited" },
  campaignTarget: false,
  campaignResponse: false,
  ...stamp,
  ...overrides,
});

/** GET /criteria/fields as the server answers it: the catalog with operatorsFor each type. */
export const fieldCatalog = () => ({
  items: Object.values(contactFields).map((f) => ({
    name: f.name,
    type: f.type,
    ...(f.enumValues ? { enumValues: [...f.enumValues] } : {}),
    operators: [...operatorsFor(f.type)],
    label: { "en-US": f.label["en-US"], "da-DK": f.label["da-DK"] },
  })),
});
