import { useApi } from "../../api/api-context";
import { useApiQuery } from "../../api/use-api-query";
import { useHost } from "../../host/host-context";
import { catalogLabel, type FieldLabel } from "./action-summary";
import { isDanish } from "../../i18n/is-danish";

/**
 * Fields by their label in the pane's language, from the catalog the builder reads. Until the
 * catalog is in (`loading`), a field reads by its name: a view that must not flash names waits.
 */
export const useFieldLabel = (): { readonly label: FieldLabel; readonly loading: boolean } => {
  const { client } = useApi();
  const { displayLanguage } = useHost();
  const fields = useApiQuery((signal) => client("listCriteriaFields", { signal }), [client]);
  return {
    label: catalogLabel(fields.state.data?.items, isDanish(displayLanguage)),
    loading: fields.state.status === "loading",
  };
};
