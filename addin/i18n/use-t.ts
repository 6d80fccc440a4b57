import { useMemo } from "react";
import { useHost } from "../host/host-context";
import { messagesFor, translator, type Translate } from "./translate";

/** t(key) in the language of the host's display language. */
export const useT = (): Translate => {
  const { displayLanguage } = useHost();
  return useMemo(() => translator(messagesFor(displayLanguage)), [displayLanguage]);
};
