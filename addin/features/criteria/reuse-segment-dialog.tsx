import { Checkbox, Dropdown, Field, Input, Option } from "@fluentui/react-components";
import { useState } from "react";
import { useApi } from "../../api/api-context";
import { fieldMessage } from "../../api/problem-fields";
import { useApiQuery } from "../../api/use-api-query";
import { useSubmit } from "../../api/use-submit";
import { useT } from "../../i18n/use-t";
import { ApiProblemBar, isNotImplemented } from "../../ui/api-problem-bar";
import { FormDialog } from "../../ui/form-dialog";

const PLACED = ["loggedSegmentEntryNo"];

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
  const { client } = useApi();
  const logged = useApiQuery(
    (signal) => client("listLoggedSegments", { query: { top: 100 }, signal }),
    [client],
  );
  const { busy, error, run } = useSubmit();
  const [entryNo, setEntryNo] = useState("");
  const [allowExisting, setAllowExisting] = useState(false);
  const items = logged.state.data?.items ?? [];
  // Without the list (the server does not serve it yet) the entry No. can still be typed.
  const typed = logged.state.status === "error";

  const reuse = () =>
    run(async () => {
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
    });
  const chosen = items.find((l) => String(l.entryNo) === entryNo);

  return (
    <FormDialog
      title={t("criteria.reuseSegment")}
      submitLabel={t("criteria.reuseSegment")}
      busy={busy}
      submitDisabled={!/^\d+$/.test(entryNo)}
      error={error}
      placed={PLACED}
      onClose={onClose}
      onSubmit={reuse}
    >
      {logged.state.status === "error" && !isNotImplemented(logged.state.error) && (
        <ApiProblemBar error={logged.state.error} onRetry={logged.reload} />
      )}
      <Field
        label={t("criteria.reuseSegment.pick")}
        validationMessage={fieldMessage(error, "loggedSegmentEntryNo")}
      >
        {typed ? (
          <Input inputMode="numeric" value={entryNo} onChange={(_, d) => setEntryNo(d.value)} />
        ) : (
          <Dropdown
            value={chosen ? `${chosen.entryNo} ${chosen.segmentNo} – ${chosen.description}` : ""}
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
        label={t("criteria.option.allowExistingContacts")}
        checked={allowExisting}
        onChange={(_, d) => setAllowExisting(d.checked === true)}
      />
    </FormDialog>
  );
};
