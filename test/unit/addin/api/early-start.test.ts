import { createApiClient } from "../../../../addin/api/client";
import {
  fetchTakingEarlyAnswer,
  publishEarlyStart,
  takeEarlyToken,
} from "../../../../addin/api/early-start";
import { firstSegmentPageUrl } from "../../../../addin/features/segments/first-segment-page";
import { SEGMENT_PAGE_SIZE } from "../../../../addin/features/segments/first-segment-page";

const BASE = "https://api.example/api";
const page = { items: [] };
const answer = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });

beforeEach(() => {
  Object.assign(globalThis, { window: globalThis });
  delete (globalThis as { __mergelineEarlyStart?: unknown }).__mergelineEarlyStart;
});

describe("the early start's hand-over", () => {
  it("sends the request the API client would build for the list's first page", async () => {
    const urls: string[] = [];
    const client = createApiClient({
      baseUrl: `${BASE}/`,
      fetch: async (input) => (urls.push(String(input)), answer(page)),
    });
    await client("listSegments", { query: { top: SEGMENT_PAGE_SIZE } });
    expect(urls).toEqual([firstSegmentPageUrl(`${BASE}/`)]);
  });

  it("answers that one request with the early answer, once, and sends every other call", async () => {
    const sent: string[] = [];
    const early = answer(page);
    publishEarlyStart({
      token: Promise.resolve("t"),
      url: firstSegmentPageUrl(BASE),
      answer: Promise.resolve(early),
    });
    const fetch = fetchTakingEarlyAnswer(async (input) => (sent.push(String(input)), answer(page)));
    expect(await fetch(firstSegmentPageUrl(BASE))).toBe(early);
    await fetch(firstSegmentPageUrl(BASE));
    await fetch(`${BASE}/segments?top=50&search=x`);
    await fetch(firstSegmentPageUrl(BASE), { method: "POST" });
    expect(sent).toEqual([
      firstSegmentPageUrl(BASE),
      `${BASE}/segments?top=50&search=x`,
      firstSegmentPageUrl(BASE),
    ]);
  });

  it("gives the list the early answer through the client, checked against the contract", async () => {
    publishEarlyStart({
      token: Promise.resolve("t"),
      url: firstSegmentPageUrl(BASE),
      answer: Promise.resolve(answer({ items: "not a list" })),
    });
    const client = createApiClient({
      baseUrl: BASE,
      fetch: fetchTakingEarlyAnswer(async () => answer(page)),
    });
    await expect(client("listSegments", { query: { top: SEGMENT_PAGE_SIZE } })).rejects.toThrow(
      /contract/i,
    );
  });

  it("sends the call itself when the early request had no token or failed", async () => {
    const sent: string[] = [];
    publishEarlyStart({
      token: Promise.reject(new Error("consent needed")),
      url: firstSegmentPageUrl(BASE),
      answer: Promise.reject(new Error("no early token")),
    });
    const fetch = fetchTakingEarlyAnswer(async (input) => (sent.push(String(input)), answer(page)));
    expect(await (await fetch(firstSegmentPageUrl(BASE))).json()).toEqual(page);
    expect(sent).toEqual([firstSegmentPageUrl(BASE)]);
  });

  it("hands the early token over once", async () => {
    publishEarlyStart({
      token: Promise.resolve("early-token"),
      url: firstSegmentPageUrl(BASE),
      answer: Promise.resolve(answer(page)),
    });
    expect(await takeEarlyToken()).toBe("early-token");
    expect(takeEarlyToken()).toBeUndefined();
  });

  it("has nothing to hand over when the page sent nothing early", async () => {
    expect(takeEarlyToken()).toBeUndefined();
    const fetch = fetchTakingEarlyAnswer(async () => answer(page));
    expect(await (await fetch(firstSegmentPageUrl(BASE))).json()).toEqual(page);
  });
});
