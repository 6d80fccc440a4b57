import { useMemo } from "react";
import { useApi } from "../../api/api-context";
import { useHost } from "../../host/host-context";
import type { LoadOptions } from "../../ui/search-combobox";
import { isDanish } from "../../i18n/is-danish";

const SUGGESTED = 30;

/** The languages a Language Code is picked from, named in the pane's language. */
export const useLanguageOptions = (): { readonly load: LoadOptions; readonly source: string } => {
  const { client } = useApi();
  const { displayLanguage } = useHost();
  const danish = isDanish(displayLanguage);
  return useMemo(
    () => ({
      load: async (search, signal) =>
        (
          await client("listLanguages", {
            query: { top: SUGGESTED, ...(search ? { search } : {}) },
            signal,
          })
        ).items.map((l) => ({ code: l.code, description: danish ? l.nameDa : l.name })),
      source: danish ? "da" : "en",
    }),
    [client, danish],
  );
};
