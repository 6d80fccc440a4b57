/// <reference types="office-js" />

/**
 * The most characters Word on the web takes in one string from an add-in: a .docx as base64
 * (createDocument, insertFileFromBase64) or OOXML (insertOoxml). Above it the request fails
 * (office-js#4697: insertFileFromBase64 above 4 MB). Word for Mac throws on large insertOoxml
 * too (office-js#2615) without a documented figure, so it is held to the same limit.
 */
export const WORD_WEB_PAYLOAD_LIMIT = 4 * 1024 * 1024;

/** The error code Office.js gives a request whose payload is over the host's limit. */
export const PAYLOAD_TOO_LARGE_CODE = "RequestPayloadSizeLimitExceeded";

/** What this Word takes in one call; undefined where no limit is known (Windows, iPad). */
export const wordPayloadLimit = (): number | undefined => {
  const platform = String(Office.context.platform);
  return platform === "OfficeOnline" || platform === "Mac" ? WORD_WEB_PAYLOAD_LIMIT : undefined;
};

/** Word refused a request for its size (known beforehand, or told by Word). */
export const isPayloadTooLarge = (error: unknown): boolean =>
  typeof error === "object" &&
  error !== null &&
  (error as { code?: unknown }).code === PAYLOAD_TOO_LARGE_CODE;
