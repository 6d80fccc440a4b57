/// <reference types="office-js" />
import type { HostTheme } from "../host";
import { forcedColors, themeOfBackground } from "../theme-detection";

/** Office's theme: dark when its task-pane background is dark; high contrast when Windows forces colours. */
export const officeTheme = (): HostTheme => {
  if (forcedColors()) return "contrast";
  try {
    return themeOfBackground(Office.context.officeTheme?.bodyBackgroundColor);
  } catch {
    // officeTheme throws on hosts that do not offer it; the light theme is Office's default.
    return "light";
  }
};

/**
 * Calls back when Office or Windows changes theme. Office raises OfficeThemeChanged only on some
 * platforms; where it does not, the pane keeps the theme it started with.
 */
export const onOfficeThemeChange = (listener: (theme: HostTheme) => void): (() => void) => {
  const handler = () => listener(officeTheme());
  const query =
    typeof matchMedia === "function" ? matchMedia("(forced-colors: active)") : undefined;
  query?.addEventListener?.("change", handler);
  let registered = false;
  try {
    Office.context.document?.addHandlerAsync?.(
      Office.EventType.OfficeThemeChanged,
      handler,
      (result: Office.AsyncResult<void>) => {
        registered = result.status === Office.AsyncResultStatus.Succeeded;
      },
    );
  } catch {
    // Not offered here.
  }
  return () => {
    query?.removeEventListener?.("change", handler);
    if (registered) {
      Office.context.document.removeHandlerAsync(Office.EventType.OfficeThemeChanged, { handler });
    }
  };
};
