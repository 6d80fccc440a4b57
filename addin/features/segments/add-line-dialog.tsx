import { Combobox, Field, Option } from "@fluentui/react-components";
import { useState } from "react";
import { useApi } from "../../api/api-context";
import { fieldMessage } from "../../api/problem-fields";
import { useApiQuery } from "../../api/use-api-query";
import { useDebounced } from "../../api/use-debounced";
import { useSubmit } from "../../api/use-submit";
import { useT } from "../../i18n/use-t";
import { FormDialog } from "../../ui/form-dialog";

const PLACED = ["contactNo"];

/** Add one contact by hand (recorded as a criteria action, so Go Back undoes it too). */
export const AddLineDialog = ({
  segmentNo,
  onClose,
  onAdded,
}: {
  segmentNo: string;
  onClose: () => void;
  onAdded: () => void;
}) => {
  const t = useT();
  const { client } = useApi();
  const { busy, error, run } = useSubmit();
  const [text, setText] = useState("");
  const [contactNo, setContactNo] = useState("");
  const search = useDebounced(text.trim(), 250);
  const found = useApiQuery(
    (signal) =>
      search
        ? client("listContacts", { query: { search, top: 10 }, signal })
        : Promise.resolve({ items: [] }),
    [client, search],
  );

  const submit = () =>
    run(async () => {
      // A contact picked from the list wins; otherwise what was typed is taken as its No.
      const no = (contactNo || text).trim().toUpperCase();
      await client("createSegmentLine", { params: { no: segmentNo }, body: { contactNo: no } });
      onAdded();
    });

  return (
    <FormDialog
      title={t("segments.lines.add")}
      submitLabel={t("segments.lines.add.submit")}
      busy={busy}
      submitDisabled={!text.trim()}
      error={error}
      placed={PLACED}
      onClose={onClose}
      onSubmit={submit}
    >
      <Field
        label={t("segments.lines.add.contact")}
        validationMessage={fieldMessage(error, "contactNo")}
      >
        <Combobox
          freeform
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setContactNo("");
          }}
          onOptionSelect={(_, d) => {
            setContactNo(d.optionValue ?? "");
            setText(d.optionText ?? "");
          }}
        >
          {(found.state.data?.items ?? []).map((c) => (
            <Option key={c.no} value={c.no} text={`${c.no} ${c.name}`}>
              {`${c.no} ${c.name}`}
            </Option>
          ))}
        </Combobox>
      </Field>
    </FormDialog>
  );
};
