import { ValidationError } from "../errors/app-errors";

/** FNV-1a: enough to tell one query from another, not a security boundary. */
const fingerprint = (text: string): string => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
};

/**
 * Continuation tokens wrap the store's own token with the query they belong to, so a token
 * replayed against other filters is refused instead of returning a wrong page.
 */
export const encodeContinuation = (storeToken: string, queryText: string): string =>
  Buffer.from(JSON.stringify({ c: storeToken, q: fingerprint(queryText) }), "utf8").toString(
    "base64url",
  );

export const decodeContinuation = (token: string, queryText: string): string => {
  const invalid = () =>
    new ValidationError([
      {
        in: "query",
        field: "continuationToken",
        rule: "invalid_token",
        message: "is not a continuation token for this list and these filters",
      },
    ]);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  if (
    !decoded ||
    typeof decoded !== "object" ||
    typeof (decoded as { c?: unknown }).c !== "string" ||
    (decoded as { q?: unknown }).q !== fingerprint(queryText)
  ) {
    throw invalid();
  }
  return (decoded as { c: string }).c;
};
