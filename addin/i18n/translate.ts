import { daDK } from "./da-DK";
import { enUS, type MessageKey, type Messages } from "./en-US";

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** Danish for any da-* display language, English otherwise. */
export const messagesFor = (language: string): Messages =>
  language.toLowerCase().startsWith("da") ? daDK : enUS;

export const translator =
  (messages: Messages): Translate =>
  (key, values = {}) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in values ? String(values[name]) : whole,
    );
