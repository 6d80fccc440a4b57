import type { CriteriaAction } from "@shared/model/criteria-action";
import { useFormat } from "../../i18n/use-format";
import { useT } from "../../i18n/use-t";
import { isGeneratedDescription, summarizeAction } from "./action-summary";
import { useFieldLabel } from "./use-field-label";

/**
 * What a criteria action did, in the pane's language with the fields' labels (the builder's
 * catalog) and values in its locale, and the marketer's own description where they wrote one.
 */
export const useActionSummary = (): ((action: CriteriaAction) => {
  readonly summary: string;
  readonly ownDescription: string | undefined;
}) => {
  const t = useT();
  const { label } = useFieldLabel();
  const format = useFormat();
  return (action) => ({
    summary: summarizeAction(t, label, action, format),
    ownDescription:
      action.description && !isGeneratedDescription(action) ? action.description : undefined,
  });
};
