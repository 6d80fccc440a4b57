import type { CriteriaFieldInfo } from "@shared/model/criteria-fields";
import { useHost } from "../../host/host-context";

/** The catalog carries English and Danish labels; the pane shows the host's language. */
export const useFieldLabel = (): ((
  info: CriteriaFieldInfo | undefined,
  name: string,
) => string) => {
  const { displayLanguage } = useHost();
  const danish = displayLanguage.toLowerCase().startsWith("da");
  return (info, name) => (info ? info.label[danish ? "da-DK" : "en-US"] : name);
};
