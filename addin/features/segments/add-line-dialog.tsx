import {
  Button,
  Combobox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Option,
} from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import { useApi } from "../../api/api-context";
import { fieldMessage } from "../../api/problem-fields";
import { useApiQuery } from "../../api/use-api-query";
import { useDebounced } from "../../api/use-debounced";
import { useT } from "../../i18n/use-t";
import { ApiProblemBar } from "../../taskpane/api-problem-bar";

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
  const [text, setText] = useState("");
  const [contactNo, setContactNo] = useState("");
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const search = useDebounced(text.trim(), 250);
  const found = useApiQuery(
    (signal) =>
      search
        ? client("listContacts", { query: { search, top: 10 }, signal })
        : Promise.resolve({ items: [] }),
    [client, search],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const no = (contactNo || text).trim().toUpperCase();
    setBusy(true);
    setError(undefined);
    try {
      await client("createSegmentLine", { params: { no: segmentNo }, body: { contactNo: no } });
      onAdded();
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
            <DialogTitle>{t("pa.lines.add")}</DialogTitle>
            <DialogContent>
              <Field
                label={t("pa.lines.add.contact")}
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
              {error !== undefined && <ApiProblemBar error={error} placed={["contactNo"]} />}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={busy || !text.trim()}>
                {t("pa.lines.add.submit")}
              </Button>
              <Button onClick={onClose}>{t("pa.common.cancel")}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
};
