import { useMemo } from "react";
import { useHost } from "../host/host-context";
import { usableLocale } from "./usable-locale";

/** A size in megabytes as the user's language writes it: "4.2 MB", "4,2 MB". */
export const useFormatMegabytes = (): ((bytes: number) => string) => {
  const { displayLanguage } = useHost();
  return useMemo(() => {
    const format = new Intl.NumberFormat(usableLocale(displayLanguage), {
      style: "unit",
      unit: "megabyte",
      maximumFractionDigits: 1,
    });
    return (bytes: number) => format.format(bytes / (1024 * 1024));
  }, [displayLanguage]);
};
