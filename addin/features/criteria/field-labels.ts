import type { CriteriaFieldInfo } from "@shared/model/criteria-fields";
import { useHost } from "../../host/host-context";
import { isDanish } from "../../i18n/is-danish";

/** The catalog carries English and Danish labels; the pane shows the host's language. */
export const useFieldLabel = (): ((
  info: CriteriaFieldInfo | undefined,
  name: string,
) => string) => {
  const { displayLanguage } = useHost();
  const danish = isDanish(displayLanguage);
  return (info, name) => (info ? info.label[danish ? "da-DK" : "en-US"] : name);
};
