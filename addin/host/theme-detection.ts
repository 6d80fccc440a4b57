import type { HostTheme } from "./host";

/** Windows high contrast (and other forced-colour modes) as the browser reports it. */
export const forcedColors = (): boolean =>
  typeof matchMedia === "function" && matchMedia("(forced-colors: active)").matches;

/** "#1F1F1F" is dark: relative luminance below the middle. */
export const themeOfBackground = (color: string | undefined): HostTheme => {
  const match = /^#?([0-9a-f]{6})$/i.exec(color?.trim() ?? "");
  if (!match) return "light";
  const value = parseInt(match[1] as string, 16);
  const channel = (shift: number) => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
  return luminance < 0.4 ? "dark" : "light";
};
