import { DEFAULT_LANGUAGE, resolveLanguage } from "../format/locale-data";
import type { MergeOptions } from "../merge-options";
import type { MergeRecord } from "../merge-record";
import type { SessionOptions } from "../render/render-session";

export const sessionOptions = (
  options: MergeOptions,
  mode: SessionOptions["mode"],
  keepControlsByDefault: boolean,
): SessionOptions => {
  const fallback = resolveLanguage(options.language, DEFAULT_LANGUAGE);
  return {
    mode,
    keepControls: options.keepContentControls ?? keepControlsByDefault,
    restartPageNumbering: options.restartPageNumbering ?? true,
    language: (record: MergeRecord) => resolveLanguage(record.language, fallback),
    timeZone: options.timeZone ?? "UTC",
    letterBookmarks: options.letterBookmarks ?? false,
  };
};
