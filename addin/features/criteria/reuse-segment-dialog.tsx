import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  Option,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { useApi } from "../../api/api-context";
import { fieldMessage } from "../../api/problem-fields";
import { useApiQuery } from "../../api/use-api-query";
import { useT } from "../../i18n/use-t";
import { ApiProblemBar, isNotImplemented } from "../../taskpane/api-problem-bar";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** Reuse Segment: start from the contacts of a logged segment. */
export const ReuseSegmentDialog = ({
  segmentNo,
  onClose,
  onReused,
}: {
  segmentNo: string;
  onClose: () => void;
  onReused: (added: number) => void;
}) => {
  const t = useT();
  const styles = useStyles();
  const { client } = useApi();
  const logged = useApiQuery(
    (signal) => client("listLoggedSegments", { query: { top: 100 }, signal }),
    [client],
  );
  const [entryNo, setEntryNo] = useState("");
  const [allowExisting, setAllowExisting] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const items = logged.state.data?.items ?? [];
  // Without the list (the server does not serve it yet) the entry No. can still be typed.
  const typed = logged.state.status === "error";

  const reuse = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const outcome = await client("reuseSegment", {
        params: { no: segmentNo },
        body: {
          loggedSegmentEntryNo: Number(entryNo),
          options: {
            allowExistingContacts: allowExisting,
            expandCompanies: false,
            allowRelatedCompanies: false,
            ignoreExclusion: false,
            entireCompanies: false,
          },
        },
      });
      onReused(outcome.linesAdded);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const chosen = items.find((l) => String(l.entryNo) === entryNo);

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("pa.criteria.reuseSegment")}</DialogTitle>
          <DialogContent className={styles.form}>
            {logged.state.status === "error" && !isNotImplemented(logged.state.error) && (
              <ApiProblemBar error={logged.state.error} onRetry={logged.reload} />
            )}
            <Field
              label={t("pa.reuseSegment.pick")}
              validationMessage={fieldMessage(error, "loggedSegmentEntryNo")}
            >
              {typed ? (
                <Input
                  inputMode="numeric"
                  value={entryNo}
                  onChange={(_, d) => setEntryNo(d.value)}
                />
              ) : (
                <Dropdown
                  value={
                    chosen ? `${chosen.entryNo} ${chosen.segmentNo} – ${chosen.description}` : ""
                  }
                  selectedOptions={entryNo ? [entryNo] : []}
                  onOptionSelect={(_, d) => setEntryNo(d.optionValue ?? "")}
                >
                  {items.map((l) => (
                    <Option
                      key={l.entryNo}
                      value={String(l.entryNo)}
                      text={`${l.entryNo} ${l.segmentNo} – ${l.description}`}
                    >
                      {`${l.entryNo} ${l.segmentNo} – ${l.description} (${l.noOfInteractions})`}
                    </Option>
                  ))}
                </Dropdown>
              )}
            </Field>
            <Checkbox
              label={t("pa.criteria.option.allowExistingContacts")}
              checked={allowExisting}
              onChange={(_, d) => setAllowExisting(d.checked === true)}
            />
            {error !== undefined && (
              <ApiProblemBar error={error} placed={["loggedSegmentEntryNo"]} />
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy || !/^\d+$/.test(entryNo)} onClick={reuse}>
              {t("pa.criteria.reuseSegment")}
            </Button>
            <Button onClick={onClose}>{t("pa.common.cancel")}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
};
