import { useApi } from "../../api/api-context";
import { useApiQuery } from "../../api/use-api-query";
import { useHost } from "../../host/host-context";
import { catalogLabel, type FieldLabel } from "./action-summary";

/** Fields by their label in the pane's language, from the catalog the builder reads. */
export const useFieldLabel = (): FieldLabel => {
  const { client } = useApi();
  const { displayLanguage } = useHost();
  const fields = useApiQuery((signal) => client("listCriteriaFields", { signal }), [client]);
  return catalogLabel(fields.state.data?.items, displayLanguage.toLowerCase().startsWith("da"));
};
