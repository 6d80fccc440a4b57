import { webLightTheme, type Theme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { HostTheme, PaneHost } from "../host/host";

/**
 * The Fluent theme for the host's (light and dark for the web, Teams' own for high contrast),
 * as host/theme.ts maps them, but with dark and high contrast loaded on demand: each theme is
 * some 5 KB gzip of tokens the first paint of a light pane does not need.
 */
export const loadTheme = async (theme: HostTheme): Promise<Theme> => {
  if (theme === "light") return webLightTheme;
  const others = await import(/* webpackChunkName: "themes" */ "./other-themes");
  return theme === "dark" ? others.webDarkTheme : others.teamsHighContrastTheme;
};

/** Follows the host's theme; `initial` is the theme loaded before the first render. */
export const usePaneTheme = (host: PaneHost, initial: Theme = webLightTheme): Theme => {
  const [theme, setTheme] = useState<Theme>(initial);
  useEffect(() => {
    let live = true;
    const apply = (name: HostTheme) =>
      void loadTheme(name).then(
        (loaded) => live && setTheme(loaded),
        // A theme chunk that will not load leaves the pane in the theme it has.
        () => undefined,
      );
    apply(host.theme());
    const stop = host.onThemeChange(apply);
    return () => {
      live = false;
      stop();
    };
  }, [host]);
  return theme;
};
