import type { Page, PageRequest } from "../store/document-store";

/**
 * Hands every item a query finds to `handle`, a page at a time, where handling an item may take
 * it out of the query's results (a job deleted, or ended): the continuation of a page that lost
 * items would skip what moved up, so after such a page the query starts again from the
 * beginning, and after one that lost none it follows the continuation past the items that
 * stayed. At most one page is held at a time.
 */
export const sweepPages = async <T>(
  query: (request: PageRequest) => Promise<Page<T>>,
  top: number,
  /** True when the item left the query's results. */
  handle: (item: T) => Promise<boolean>,
): Promise<void> => {
  let continuationToken: string | undefined;
  for (;;) {
    const page = await query({ top, continuationToken });
    let removed = 0;
    for (const item of page.items) if (await handle(item)) removed++;
    if (removed > 0) continuationToken = undefined;
    else if (page.continuationToken) continuationToken = page.continuationToken;
    else return;
  }
};
