/**
 * Holds the embedded server's answer to a write until the journal bytes behind it are on disk,
 * so that a write acknowledged with a 2xx survives a power cut, not only a kill -9.
 *
 * @vercel/cosmosdb-server answers every request with a single `res.end(body)`, called after its
 * handler has applied the request's mutations, and journal.ts writes each mutation to the
 * journal synchronously before it is applied. So at that `end` everything the request journaled
 * lies below the journal's current length: a listener prepended to the server's "request" event
 * wraps that one response's `end` to wait for a sync covering that length first. The same
 * grouped sync may cover other requests' bytes as well, which costs them nothing extra.
 *
 * Reads never wait: the package routes GET, HEAD and queries (a POST marked as one) to handlers
 * that change nothing, and a sync in flight runs off the event loop. A read may therefore see a
 * write whose own answer is still waiting for its sync, as a reader of any database can see a
 * commit whose acknowledgement is still on its way.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Server } from "node:https";
import type { Journal } from "./journal";

const isTrue = (value: string | string[] | undefined): boolean =>
  (Array.isArray(value) ? value : [value ?? ""]).some((v) => v.toLowerCase() === "true");

/**
 * The package's router (lib/router.js) in one question: is this a request its handlers answer
 * without mutating? Anything else is held; holding a read by mistake costs only a wait.
 */
export const writesNothing = (req: IncomingMessage): boolean => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return true;
  return (
    req.method === "POST" &&
    (isTrue(req.headers["x-ms-documentdb-isquery"]) ||
      req.headers["content-type"] === "application/query+json")
  );
};

type DurabilityGate = Pick<Journal, "appendedBytes" | "durable">;

/** The write may be in memory but not on disk: the client must not take it as acknowledged. */
const answerSyncFailure = (res: ServerResponse, error: unknown): void => {
  if (res.headersSent) {
    res.destroy(error instanceof Error ? error : undefined);
    return;
  }
  res.statusCode = 500;
  res.removeHeader("etag");
  res.end(
    JSON.stringify({
      code: "InternalServerError",
      message: error instanceof Error ? error.message : String(error),
    }),
  );
};

const holdUntilDurable = (res: ServerResponse, journal: DurabilityGate): void => {
  const end = res.end;
  let held = false;
  const heldEnd = (...args: unknown[]): ServerResponse => {
    // One answer per request: a second end while the first waits (the package's own error
    // path) must not overtake it.
    if (held) return res;
    held = true;
    journal.durable(journal.appendedBytes()).then(
      () => {
        res.end = end;
        Reflect.apply(end, res, args);
      },
      (error: unknown) => {
        res.end = end;
        answerSyncFailure(res, error);
      },
    );
    return res;
  };
  res.end = heldEnd as ServerResponse["end"];
};

/** Installs the hold on `server` before it serves its first request. */
export const answerWritesWhenDurable = (server: Server, journal: DurabilityGate): void => {
  server.prependListener("request", (req: IncomingMessage, res: ServerResponse) => {
    if (!writesNothing(req)) holdUntilDurable(res, journal);
  });
};
