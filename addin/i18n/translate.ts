import { daDK } from "./da-DK";
import { enUS, type MessageKey, type Messages } from "./en-US";
import { formatMessage } from "./format-message";

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** Danish for any da-* display language, English otherwise. */
export const messagesFor = (language: string): Messages =>
  language.toLowerCase().startsWith("da") ? daDK : enUS;

/**
 * t(key, values) from a catalog; numbers, plural forms and digit grouping follow `locale` (the
 * host's display language: en-GB reads English words with its own numbers).
 */
export const translator =
  (messages: Messages, locale: string = messages === daDK ? "da-DK" : "en-US"): Translate =>
  (key, values = {}) =>
    formatMessage(locale, messages[key], values);
