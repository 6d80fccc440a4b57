import type { MergeFieldInfo } from "@shared/model/merge-job";
import type { z } from "zod";
import { useApi } from "../../api/api-context";
import { useApiQuery, type ApiQuery } from "../../api/use-api-query";
import { useHost } from "../../host/host-context";
import { isDanish } from "../../i18n/is-danish";

export type MergeField = z.infer<typeof MergeFieldInfo>;

/** The fields a letter can use (GET /merge/fields), once per mount. */
export const useMergeFields = (): ApiQuery<MergeField[]> => {
  const { client } = useApi();
  return useApiQuery(
    (signal) => client("listMergeFields", { signal }).then((answer) => answer.items),
    [client],
  );
};

/** A field's label in the pane's language (the contract carries en-US and da-DK). */
export const useFieldLabel = (): ((field: MergeField) => string) => {
  const { displayLanguage } = useHost();
  const danish = isDanish(displayLanguage);
  return (field) => (danish ? field.label["da-DK"] : field.label["en-US"]) || field.name;
};
