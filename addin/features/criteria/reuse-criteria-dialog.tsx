import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { useApi } from "../../api/api-context";
import { fieldMessage } from "../../api/problem-fields";
import { useApiQuery } from "../../api/use-api-query";
import { useT } from "../../i18n/use-t";
import { ApiProblemBar } from "../../taskpane/api-problem-bar";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/**
 * Reuse Criteria: replay saved criteria here. A segment that already has criteria asks first,
 * as Business Central does, and only then sends the confirmation the API requires.
 */
export const ReuseCriteriaDialog = ({
  segmentNo,
  hasCriteria,
  onClose,
  onReused,
}: {
  segmentNo: string;
  hasCriteria: boolean;
  onClose: () => void;
  onReused: (lines: number) => void;
}) => {
  const t = useT();
  const styles = useStyles();
  const { client } = useApi();
  const saved = useApiQuery(
    (signal) => client("listSavedCriteria", { query: { top: 200 }, signal }),
    [client],
  );
  const [code, setCode] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const items = saved.state.data?.items ?? [];
  const chosen = items.find((s) => s.code === code);

  const reuse = async (confirm: boolean) => {
    if (hasCriteria && !confirm) {
      setConfirming(true);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const outcome = await client("reuseCriteria", {
        params: { no: segmentNo },
        body: { code, confirm },
      });
      onReused(outcome.noOfLines);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("pa.criteria.reuse")}</DialogTitle>
          <DialogContent className={styles.form}>
            {saved.state.status === "error" && (
              <ApiProblemBar error={saved.state.error} onRetry={saved.reload} />
            )}
            <Field
              label={t("pa.reuseCriteria.pick")}
              validationMessage={fieldMessage(error, "code")}
            >
              <Dropdown
                value={chosen ? `${chosen.code} – ${chosen.description}` : ""}
                selectedOptions={code ? [code] : []}
                onOptionSelect={(_, d) => {
                  setCode(d.optionValue ?? "");
                  setConfirming(false);
                }}
              >
                {items.map((s) => (
                  <Option key={s.code} value={s.code} text={`${s.code} – ${s.description}`}>
                    {t("pa.reuseCriteria.option", {
                      code: s.code,
                      description: s.description,
                      steps: s.steps.length,
                    })}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            {saved.state.status === "ok" && items.length === 0 && (
              <MessageBar>
                <MessageBarBody>{t("pa.reuseCriteria.none")}</MessageBarBody>
              </MessageBar>
            )}
            {confirming && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>{t("pa.reuseCriteria.confirm")}</MessageBarBody>
              </MessageBar>
            )}
            {error !== undefined && <ApiProblemBar error={error} placed={["code"]} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy || !code} onClick={() => reuse(confirming)}>
              {confirming ? t("pa.reuseCriteria.confirmButton") : t("pa.criteria.reuse")}
            </Button>
            <Button onClick={onClose}>{t("pa.common.cancel")}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
};
