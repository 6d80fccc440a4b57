import { Field, Input } from "@fluentui/react-components";
import { useState } from "react";
import { useApi } from "../../api/api-context";
import { fieldMessage } from "../../api/problem-fields";
import { useSubmit } from "../../api/use-submit";
import { useT } from "../../i18n/use-t";
import { FormDialog } from "../../ui/form-dialog";

const PLACED = ["code", "description"];

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
  const { client } = useApi();
  const { busy, error, run } = useSubmit();
  const [code, setCode] = useState("");
  const [description, setDescription] = useState("");

  const submit = () =>
    run(async () => {
      const saved = await client("saveCriteria", {
        params: { no: segmentNo },
        body: { code: code.trim().toUpperCase(), description },
      });
      onSaved(saved.code);
    });

  return (
    <FormDialog
      title={t("criteria.save")}
      submitLabel={t("common.save")}
      busy={busy}
      submitDisabled={!code.trim()}
      error={error}
      placed={PLACED}
      onClose={onClose}
      onSubmit={submit}
    >
      <Field
        label={t("criteria.save.code")}
        required
        validationMessage={fieldMessage(error, "code")}
      >
        <Input value={code} onChange={(_, d) => setCode(d.value)} />
      </Field>
      <Field
        label={t("criteria.save.description")}
        validationMessage={fieldMessage(error, "description")}
      >
        <Input value={description} onChange={(_, d) => setDescription(d.value)} />
      </Field>
    </FormDialog>
  );
};
