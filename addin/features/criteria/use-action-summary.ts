import type { CriteriaAction } from "@shared/model/criteria-action";
import { useApi } from "../../api/api-context";
import { useApiQuery } from "../../api/use-api-query";
import { useHost } from "../../host/host-context";
import { useT } from "../../i18n/use-t";
import { catalogLabel, isGeneratedDescription, summarizeAction } from "./action-summary";

/**
 * What a criteria action did, in the pane's language with the fields' labels (the builder's
 * catalog), and the marketer's own description where they wrote one.
 */
export const useActionSummary = (): ((action: CriteriaAction) => {
  readonly summary: string;
  readonly ownDescription: string | undefined;
}) => {
  const t = useT();
  const { client } = useApi();
  const { displayLanguage } = useHost();
  const fields = useApiQuery((signal) => client("listCriteriaFields", { signal }), [client]);
  const label = catalogLabel(
    fields.state.data?.items,
    displayLanguage.toLowerCase().startsWith("da"),
  );
  return (action) => ({
    summary: summarizeAction(t, label, action),
    ownDescription:
      action.description && !isGeneratedDescription(action) ? action.description : undefined,
  });
};
