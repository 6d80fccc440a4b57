import { Dropdown, Field, MessageBar, MessageBarBody, Option } from "@fluentui/react-components";
import { useState } from "react";
import { useApi } from "../../api/api-context";
import { fieldMessage } from "../../api/problem-fields";
import { useApiQuery } from "../../api/use-api-query";
import { useSubmit } from "../../api/use-submit";
import { useT } from "../../i18n/use-t";
import { ApiProblemBar } from "../../ui/api-problem-bar";
import { FormDialog } from "../../ui/form-dialog";

const PLACED = ["code"];

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
  const { client } = useApi();
  const saved = useApiQuery(
    (signal) => client("listSavedCriteria", { query: { top: 200 }, signal }),
    [client],
  );
  const { busy, error, run } = useSubmit();
  const [code, setCode] = useState("");
  const [confirming, setConfirming] = useState(false);
  const items = saved.state.data?.items ?? [];
  const chosen = items.find((s) => s.code === code);

  const reuse = (confirm: boolean) => {
    if (hasCriteria && !confirm) {
      setConfirming(true);
      return;
    }
    void run(async () => {
      const outcome = await client("reuseCriteria", {
        params: { no: segmentNo },
        body: { code, confirm },
      });
      onReused(outcome.noOfLines);
    });
  };

  return (
    <FormDialog
      title={t("criteria.reuse")}
      submitLabel={confirming ? t("criteria.reuse.confirmButton") : t("criteria.reuse")}
      busy={busy}
      submitDisabled={!code}
      error={error}
      placed={PLACED}
      onClose={onClose}
      onSubmit={() => reuse(confirming)}
    >
      {saved.state.status === "error" && (
        <ApiProblemBar error={saved.state.error} onRetry={saved.reload} />
      )}
      <Field label={t("criteria.reuse.pick")} validationMessage={fieldMessage(error, "code")}>
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
              {t("criteria.reuse.option", {
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
          <MessageBarBody>{t("criteria.reuse.none")}</MessageBarBody>
        </MessageBar>
      )}
      {confirming && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t("criteria.reuse.confirm")}</MessageBarBody>
        </MessageBar>
      )}
    </FormDialog>
  );
};
