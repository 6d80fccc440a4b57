import { useMemo } from "react";
import { useHost } from "../host/host-context";

/** A count as the user's language writes it: "1,204" in English, "1.204" in Danish. */
export const formatCount = (language: string, value: number): string =>
  new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(value);

/** formatCount in the host's display language. */
export const useFormatCount = (): ((value: number) => string) => {
  const { displayLanguage } = useHost();
  return useMemo(() => {
    const format = new Intl.NumberFormat(displayLanguage, { maximumFractionDigits: 0 });
    return (value: number) => format.format(value);
  }, [displayLanguage]);
};

/** A size in megabytes as the user's language writes it: "4.2 MB", "4,2 MB". */
export const useFormatMegabytes = (): ((bytes: number) => string) => {
  const { displayLanguage } = useHost();
  return useMemo(() => {
    const format = new Intl.NumberFormat(displayLanguage, {
      style: "unit",
      unit: "megabyte",
      maximumFractionDigits: 1,
    });
    return (bytes: number) => format.format(bytes / (1024 * 1024));
  }, [displayLanguage]);
};
