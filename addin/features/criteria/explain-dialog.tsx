import type { SegmentLine } from "@shared/model/segment";
import {
  Badge,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  Text,
} from "@fluentui/react-components";
import { useApi } from "../../api/api-context";
import { useApiQuery } from "../../api/use-api-query";
import { useT } from "../../i18n/use-t";
import type { MessageKey } from "../../i18n/en-US";
import { ApiProblemBar } from "../../ui/api-problem-bar";
import { ACTION_KIND_LABEL } from "./action-labels";
import { useFormat } from "../../i18n/use-format";
import { ExplainedReasons } from "./explained-reasons";
import { isGeneratedDescription, summarizeAction } from "./action-summary";
import { useFieldLabel } from "./use-field-label";

const VIA_LABEL: Record<string, MessageKey> = {
  criteria: "criteria.explain.via.criteria",
  expandedCompany: "criteria.explain.via.expandedCompany",
  relatedCompany: "criteria.explain.via.relatedCompany",
  manual: "criteria.explain.via.manual",
  refresh: "criteria.explain.via.refresh",
  beforeCriteria: "criteria.explain.via.beforeCriteria",
};

/** Why is this contact on the segment: the action that put it there, how, and what it matched. */
export const ExplainDialog = ({ line, onClose }: { line: SegmentLine; onClose: () => void }) => {
  const t = useT();
  const format = useFormat();
  const { client } = useApi();
  const { state, reload } = useApiQuery(
    (signal) =>
      client("explainLine", { params: { no: line.segmentNo, lineNo: line.lineNo }, signal }),
    [client, line.segmentNo, line.lineNo],
  );
  // The action and its reasons read by the builder's labels: shown once the catalog is in,
  // never by the fields' raw names first.
  const fields = useFieldLabel();
  const explanation = state.status === "ok" && !fields.loading ? state.data : undefined;

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{t("criteria.explain.title", { name: line.contactName })}</DialogTitle>
          <DialogContent>
            {(state.status === "loading" || (state.status === "ok" && fields.loading)) && (
              <Spinner size="small" label={t("criteria.explain.loading")} />
            )}
            {state.status === "error" && <ApiProblemBar error={state.error} onRetry={reload} />}
            {explanation && (
              <div>
                <Text block>
                  {t(VIA_LABEL[explanation.via] ?? "criteria.explain.via.criteria", {
                    via: explanation.viaContactNo ?? "",
                  })}
                </Text>
                {explanation.action && (
                  <Text block weight="semibold">
                    {t("criteria.explain.action", {
                      no: explanation.action.no,
                      kind: t(ACTION_KIND_LABEL[explanation.action.kind]),
                      description: [
                        summarizeAction(t, fields.label, explanation.action, format),
                        isGeneratedDescription(explanation.action)
                          ? undefined
                          : explanation.action.description,
                      ]
                        .filter(Boolean)
                        .join(" · "),
                    })}
                  </Text>
                )}
                {explanation.reasons && (
                  <ExplainedReasons reasons={explanation.reasons} label={fields.label} />
                )}
                {explanation.stillMatches !== undefined && (
                  <Badge appearance="tint" color={explanation.stillMatches ? "success" : "warning"}>
                    {explanation.stillMatches
                      ? t("criteria.explain.stillMatches")
                      : t("criteria.explain.noLongerMatches")}
                  </Badge>
                )}
                <Caption1 block>
                  {t("criteria.explain.evaluatedOn", {
                    date: format.date(explanation.evaluatedOn),
                  })}
                </Caption1>
              </div>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{t("common.close")}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
};
