import { useMemo } from "react";
import { useHost } from "../host/host-context";
import { messagesFor, translator, type Translate } from "./translate";

/** t(key) in the language of the host's display language, numbers in its locale. */
export const useT = (): Translate => {
  const { displayLanguage } = useHost();
  return useMemo(
    () => translator(messagesFor(displayLanguage), displayLanguage),
    [displayLanguage],
  );
};
