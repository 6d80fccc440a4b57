import type { ResponseOf } from "@shared/model/endpoint";
import type { ApiClient } from "../../api/client";
import type { PaneApi } from "../../api/client-endpoints";
import { startupMark } from "../../ui/startup-mark";

/** How many segments a page of the list holds. */
export const SEGMENT_PAGE_SIZE = 50;

/**
 * The URL the API client builds for the first page (listSegments, top = SEGMENT_PAGE_SIZE), for
 * the request the page sends before the client exists (addin/taskpane/early-start.ts); a test
 * holds the two equal.
 */
export const firstSegmentPageUrl = (baseUrl: string): string =>
  `${baseUrl.replace(/\/+$/, "")}/segments?top=${SEGMENT_PAGE_SIZE}`;

type SegmentPage = ResponseOf<PaneApi["listSegments"]>;

let early: Promise<SegmentPage> | undefined;

/**
 * Asks for the segment list's first page as soon as the host is known (taskpane/index.tsx), so
 * the token and the answer are on their way while React renders the shell, not after it.
 */
export const requestFirstSegmentPage = (client: ApiClient): void => {
  early = client("listSegments", { query: { top: SEGMENT_PAGE_SIZE } });
  void early.then(
    () => startupMark("first-page"),
    () => undefined,
  );
  // A refusal is met, and shown, by the list that takes it.
  early.catch(() => undefined);
};

/** The early answer, once: a search, a reload or a second list asks the server again. */
export const takeFirstSegmentPage = (): Promise<SegmentPage> | undefined => {
  const taken = early;
  early = undefined;
  return taken;
};
