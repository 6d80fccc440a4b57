import { createApiClient } from "../../../../addin/api/client";
import { ApiContractError, ApiError, ApiUnreachableError } from "../../../../addin/api/errors";

interface Recorded {
  url: string;
  method: string | undefined;
  headers: Record<string, string>;
  body: string | undefined;
}

const json = (status: number, body: unknown, contentType = "application/json"): Response =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": contentType } });

/** A fetch that records each request and answers with the next scripted response. */
const fakeFetch = (...answers: (Response | Error)[]) => {
  const calls: Recorded[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls.push({
      url: String(input),
      method: init?.method,
      headers: { ...(init?.headers as Record<string, string>) },
      body: init?.body as string | undefined,
    });
    const answer = answers.shift();
    if (!answer) throw new Error("no scripted answer left");
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
};

const stamp = {
  etag: '"1"',
  createdAt: "2026-01-01T00:00:00Z",
  createdBy: "demo.user@mergeline.dev",
  modifiedAt: "2026-01-01T00:00:00Z",
  modifiedBy: "demo.user@mergeline.dev",
};
const contact = {
  no: "KT0001",
  type: "company",
  name: "Cronus Danmark A/S",
  searchName: "CRONUS DANMARK A/S",
  ...stamp,
};

describe("createApiClient", () => {
  it("fills path parameters URL-encoded and returns the parsed response", async () => {
    const { fetch, calls } = fakeFetch(json(200, contact));
    const call = createApiClient({ baseUrl: "http://api.test/api/", fetch });

    const result = await call("getContact", { params: { no: "KT 01/Æ" } });

    expect(calls[0]?.url).toBe("http://api.test/api/contacts/KT%2001%2F%C3%86");
    expect(calls[0]?.method).toBe("GET");
    expect(calls[0]?.headers.accept).toBe("application/json");
    expect(calls[0]?.body).toBeUndefined();
    // Parsed by the contract: defaults are filled in.
    expect(result).toMatchObject({ no: "KT0001", mailingGroups: [], excludeFromSegments: false });
  });

  it("serializes the query: arrays comma-joined, booleans and numbers as text, undefined left out", async () => {
    const { fetch, calls } = fakeFetch(json(200, { items: [] }));
    const call = createApiClient({ baseUrl: "http://api.test/api", fetch });

    await call("listContacts", {
      query: { top: 20, city: ["Aarhus", "Odense"], excludeFromSegments: false, search: undefined },
    });

    const url = new URL(calls[0]?.url ?? "");
    expect(url.pathname).toBe("/api/contacts");
    expect(url.searchParams.get("top")).toBe("20");
    expect(url.searchParams.get("city")).toBe("Aarhus,Odense");
    expect(url.searchParams.get("excludeFromSegments")).toBe("false");
    expect(url.searchParams.has("search")).toBe(false);
  });

  it("sends the body as JSON with If-Match and the caller's headers", async () => {
    const { fetch, calls } = fakeFetch(json(200, { ...contact, city: "Aarhus" }));
    const call = createApiClient({
      baseUrl: "http://api.test/api",
      fetch,
      headers: async () => ({
        authorization: "Bearer t",
        "x-mergeline-dev-identity": "tenant=demo; user=u@x.dk",
      }),
    });

    await call("updateContact", {
      params: { no: "KT0001" },
      body: { city: "Aarhus" },
      ifMatch: '"1"',
    });

    expect(calls[0]).toMatchObject({
      url: "http://api.test/api/contacts/KT0001",
      method: "PATCH",
      body: JSON.stringify({ city: "Aarhus" }),
      headers: {
        "content-type": "application/json",
        "if-match": '"1"',
        authorization: "Bearer t",
        "x-mergeline-dev-identity": "tenant=demo; user=u@x.dk",
      },
    });
  });

  it("returns undefined for 204 No Content", async () => {
    const { fetch, calls } = fakeFetch(new Response(null, { status: 204 }));
    const call = createApiClient({ baseUrl: "http://api.test/api", fetch });

    await expect(call("deleteContact", { params: { no: "KT0001" } })).resolves.toBeUndefined();
    expect(calls[0]?.method).toBe("DELETE");
    expect(calls[0]?.headers).not.toHaveProperty("if-match");
  });

  it("returns text for a text/csv endpoint", async () => {
    const csv = "\uFEFFno;name\r\nKT0001;Cronus\r\n";
    const { fetch, calls } = fakeFetch(
      new Response(csv, { status: 200, headers: { "content-type": "text/csv" } }),
    );
    const call = createApiClient({ baseUrl: "http://api.test/api", fetch });

    await expect(call("exportContacts", { query: { delimiter: ";" } })).resolves.toBe(csv);
    expect(calls[0]?.headers.accept).toBe("text/csv");
  });

  it("throws ApiError carrying the problem+json body on a non-2xx answer", async () => {
    const problem = {
      type: "https://mergeline.dev/problems/validation",
      title: "The request is invalid",
      status: 400,
      errors: [
        {
          in: "body",
          field: "email",
          rule: "invalid_format",
          message: "must be an e-mail address",
        },
      ],
    };
    const { fetch } = fakeFetch(json(400, problem, "application/problem+json"));
    const call = createApiClient({ baseUrl: "http://api.test/api", fetch });

    const error = await call("createContact", {
      body: { type: "company", name: "X", email: "nope" },
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      name: "ApiError",
      status: 400,
      problem,
      endpoint: "createContact",
    });
  });

  it("throws ApiError without a problem when the error body is not problem+json", async () => {
    const { fetch } = fakeFetch(
      new Response("Bad gateway", { status: 502, headers: { "content-type": "text/plain" } }),
    );
    const call = createApiClient({ baseUrl: "http://api.test/api", fetch });

    await expect(call("getHealth")).rejects.toMatchObject({
      name: "ApiError",
      status: 502,
      problem: undefined,
    });
  });

  it("throws ApiUnreachableError with the URL when fetch itself fails", async () => {
    const { fetch } = fakeFetch(new TypeError("fetch failed"));
    const call = createApiClient({ baseUrl: "http://localhost:7071/api", fetch });

    const error = await call("getHealth").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiUnreachableError);
    expect(error).toMatchObject({
      name: "ApiUnreachableError",
      url: "http://localhost:7071/api/health",
    });
  });

  it("throws ApiContractError when a 2xx body does not match the response schema", async () => {
    const { fetch } = fakeFetch(json(200, { status: "fine" }));
    const call = createApiClient({ baseUrl: "http://api.test/api", fetch });

    await expect(call("getHealth")).rejects.toBeInstanceOf(ApiContractError);
  });

  // The segment list's endpoints come with the first bundle, the rest of the contract on first
  // use (api/client-endpoints.ts): answers from either are checked against the contract.
  it("checks the segment list's answer as well as any other", async () => {
    const { fetch } = fakeFetch(json(200, { items: [{ no: 5 }] }));
    const call = createApiClient({ baseUrl: "http://api.test/api", fetch });

    await expect(call("listSegments", { query: { top: 50 } })).rejects.toBeInstanceOf(
      ApiContractError,
    );
  });

  it("refuses a call whose path parameter is missing, before sending anything", async () => {
    const { fetch, calls } = fakeFetch();
    const call = createApiClient({ baseUrl: "http://api.test/api", fetch });

    // @ts-expect-error params are required for getContact
    await expect(call("getContact", {})).rejects.toThrow(/path parameter "no" is missing/);
    expect(calls).toHaveLength(0);
  });

  it("is typed by the contract", () => {
    const call = createApiClient({ baseUrl: "http://api.test/api", fetch: fakeFetch().fetch });
    // Compile-time checks only (tsc runs over test/); the calls are never awaited.
    const typeChecks = () => {
      // @ts-expect-error an If-Match is required for updates
      void call("updateContact", { params: { no: "KT0001" }, body: {} });
      // @ts-expect-error getHealth takes no body
      void call("getHealth", { body: {} });
      // @ts-expect-error unknown endpoint
      void call("getNothing");
      void call("getHealth");
      void call("listContacts");
    };
    expect(typeof typeChecks).toBe("function");
  });
});
