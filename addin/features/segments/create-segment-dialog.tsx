import type { Segment } from "@shared/model/segment";
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
  Switch,
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

const PLACED = ["no", "description", "dynamic"];

/** A new segment header: No. from the number series unless typed, a description, dynamic or not. */
export const CreateSegmentDialog = ({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (segment: Segment) => void;
}) => {
  const t = useT();
  const styles = useStyles();
  const { client } = useApi();
  const [no, setNo] = useState("");
  const [description, setDescription] = useState("");
  const [dynamic, setDynamic] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const segment = await client("createSegment", {
        body: { ...(no.trim() ? { no: no.trim().toUpperCase() } : {}), description, dynamic },
      });
      onCreated(segment);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>{t("pa.segments.create.title")}</DialogTitle>
            <DialogContent className={styles.form}>
              <Field
                label={t("pa.segment.field.no")}
                hint={t("pa.segments.create.noHint")}
                validationMessage={fieldMessage(error, "no")}
              >
                <Input value={no} onChange={(_, data) => setNo(data.value)} />
              </Field>
              <Field
                label={t("pa.segment.field.description")}
                validationMessage={fieldMessage(error, "description")}
              >
                <Input value={description} onChange={(_, data) => setDescription(data.value)} />
              </Field>
              <Switch
                label={t("pa.segment.field.dynamic")}
                checked={dynamic}
                onChange={(_, data) => setDynamic(data.checked)}
              />
              {error !== undefined && <ApiProblemBar error={error} placed={PLACED} />}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                {t("pa.common.cancel")}
              </Button>
              <Button appearance="primary" type="submit" disabled={busy}>
                {t("pa.segments.create.submit")}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
};
