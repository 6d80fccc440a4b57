import { enUS, type MessageKey, type Messages } from "./en-US";
import { formatMessage } from "./format-message";
import { isDanish } from "./is-danish";

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

// English is in the pane's first bundle; Danish is its own chunk, fetched only by a Danish pane
// (bench/pane.bench.ts counts what the pane loads before it is usable).
let danish: Messages | undefined;

/** Hands in the Danish catalog once it is loaded (loadMessages; tests register it directly). */
export const registerDanish = (messages: Messages): void => {
  danish = messages;
};

/** Loads the display language's catalog before the first render; English needs nothing. */
export const loadMessages = async (language: string): Promise<void> => {
  if (!isDanish(language) || danish) return;
  registerDanish((await import(/* webpackChunkName: "da-DK" */ "./da-DK")).daDK);
};

/** Danish for any da-* display language (once loaded), English otherwise. */
export const messagesFor = (language: string): Messages =>
  isDanish(language) && danish ? danish : enUS;

/**
 * t(key, values) from a catalog; numbers, plural forms and digit grouping follow `locale` (the
 * host's display language: en-GB reads English words with its own numbers).
 */
export const translator =
  (
    messages: Messages,
    locale: string = messages !== enUS && messages === danish ? "da-DK" : "en-US",
  ): Translate =>
  (key, values = {}) =>
    formatMessage(locale, messages[key], values);
