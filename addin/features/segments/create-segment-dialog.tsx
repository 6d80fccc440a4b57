import type { Segment } from "@shared/model/segment";
import { Field, Input, Switch } from "@fluentui/react-components";
import { useState } from "react";
import { useApi } from "../../api/api-context";
import { fieldMessage } from "../../api/problem-fields";
import { useSubmit } from "../../api/use-submit";
import { useT } from "../../i18n/use-t";
import { FormDialog } from "../../ui/form-dialog";

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
  const { client } = useApi();
  const { busy, error, run } = useSubmit();
  const [no, setNo] = useState("");
  const [description, setDescription] = useState("");
  const [dynamic, setDynamic] = useState(false);

  const submit = () =>
    run(async () => {
      const segment = await client("createSegment", {
        body: { ...(no.trim() ? { no: no.trim().toUpperCase() } : {}), description, dynamic },
      });
      onCreated(segment);
    });

  return (
    <FormDialog
      title={t("segments.create.title")}
      submitLabel={t("segments.create.submit")}
      busy={busy}
      error={error}
      placed={PLACED}
      onClose={onClose}
      onSubmit={submit}
    >
      <Field
        label={t("segments.field.no")}
        hint={t("segments.create.noHint")}
        validationMessage={fieldMessage(error, "no")}
      >
        <Input value={no} onChange={(_, data) => setNo(data.value)} />
      </Field>
      <Field
        label={t("segments.field.description")}
        validationMessage={fieldMessage(error, "description")}
      >
        <Input value={description} onChange={(_, data) => setDescription(data.value)} />
      </Field>
      <Switch
        label={t("segments.field.dynamic")}
        checked={dynamic}
        onChange={(_, data) => setDynamic(data.checked)}
      />
    </FormDialog>
  );
};
