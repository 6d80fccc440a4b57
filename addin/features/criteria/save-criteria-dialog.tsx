import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import { useApi } from "../../api/api-context";
import { fieldMessage } from "../../api/problem-fields";
import { useT } from "../../i18n/use-t";
import { ApiProblemBar } from "../../taskpane/api-problem-bar";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** Save Criteria: the segment's actions under a code, to replay on other segments. */
export const SaveCriteriaDialog = ({
  segmentNo,
  onClose,
  onSaved,
}: {
  segmentNo: string;
  onClose: () => void;
  onSaved: (code: string) => void;
}) => {
  const t = useT();
  const styles = useStyles();
  const { client } = useApi();
  const [code, setCode] = useState("");
  const [description, setDescription] = useState("");
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const saved = await client("saveCriteria", {
        params: { no: segmentNo },
        body: { code: code.trim().toUpperCase(), description },
      });
      onSaved(saved.code);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>{t("pa.criteria.save")}</DialogTitle>
            <DialogContent className={styles.form}>
              <Field
                label={t("pa.saveCriteria.code")}
                required
                validationMessage={fieldMessage(error, "code")}
              >
                <Input value={code} onChange={(_, d) => setCode(d.value)} />
              </Field>
              <Field
                label={t("pa.saveCriteria.description")}
                validationMessage={fieldMessage(error, "description")}
              >
                <Input value={description} onChange={(_, d) => setDescription(d.value)} />
              </Field>
              {error !== undefined && (
                <ApiProblemBar error={error} placed={["code", "description"]} />
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={busy || !code.trim()}>
                {t("pa.common.save")}
              </Button>
              <Button onClick={onClose}>{t("pa.common.cancel")}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
};
