import { Caption1, MessageBar, MessageBarBody, Spinner, Switch } from "@fluentui/react-components";
import type { Contact } from "@shared/model/contact";
import { useEffect, useState } from "react";
import { useApi } from "../../api/api-context";
import { useApiQuery } from "../../api/use-api-query";
import { useSubmit } from "../../api/use-submit";
import { useT } from "../../i18n/use-t";
import { ApiProblemBar, isConflict } from "../../ui/api-problem-bar";
import { FormDialog } from "../../ui/form-dialog";

/** What a change of the flag did, so the view can offer Undo with the contact's new ETag. */
export interface OptOutChange {
  readonly contactNo: string;
  readonly contactName: string;
  readonly optedOut: boolean;
  readonly etag: string;
}

/** PATCH /contacts/{no} with only emailOptOut, under the contact's ETag (412 if it changed). */
export const setEmailOptOut = async (
  client: ReturnType<typeof useApi>["client"],
  contactNo: string,
  optedOut: boolean,
  etag: string,
): Promise<Contact> =>
  client("updateContact", {
    params: { no: contactNo },
    body: { emailOptOut: optedOut },
    ifMatch: etag,
  });

/**
 * A contact's E-mail Opt-out, read fresh (its ETag covers the write) and set or cleared; a
 * contact who opted out is skipped by every send with the reason "opted out".
 */
export const EmailOptOutDialog = ({
  contactNo,
  contactName,
  onClose,
  onChanged,
}: {
  readonly contactNo: string;
  readonly contactName: string;
  readonly onClose: () => void;
  readonly onChanged: (change: OptOutChange) => void;
}) => {
  const t = useT();
  const { client } = useApi();
  const submit = useSubmit();
  // A 412 is said in this dialog's words (the contact, not a segment) and the contact read again.
  const [conflict, setConflict] = useState(false);
  const contact = useApiQuery(
    (signal) => client("getContact", { params: { no: contactNo }, signal }),
    [client, contactNo],
  );
  const [optedOut, setOptedOut] = useState(false);
  const read = contact.state.status === "ok" ? contact.state.data : undefined;
  useEffect(() => {
    if (read) setOptedOut(read.emailOptOut === true);
  }, [read]);

  return (
    <FormDialog
      title={t("delivery.optOut.title", { name: contactName })}
      submitLabel={t("common.save")}
      busy={submit.busy}
      submitDisabled={!read || (read.emailOptOut === true) === optedOut}
      error={isConflict(submit.error) ? undefined : submit.error}
      placed={["emailOptOut"]}
      onClose={onClose}
      onSubmit={() =>
        void submit.run(async () => {
          if (!read) return;
          setConflict(false);
          let saved: Contact;
          try {
            saved = await setEmailOptOut(client, contactNo, optedOut, read.etag);
          } catch (error) {
            if (isConflict(error)) {
              setConflict(true);
              contact.reload();
            }
            throw error;
          }
          onChanged({
            contactNo,
            contactName,
            optedOut: saved.emailOptOut === true,
            etag: saved.etag,
          });
        })
      }
    >
      {contact.state.status === "loading" && (
        <Spinner size="tiny" label={t("delivery.optOut.loading")} />
      )}
      {contact.state.status === "error" && (
        <ApiProblemBar error={contact.state.error} onRetry={contact.reload} />
      )}
      {conflict && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t("delivery.optOut.conflict", { name: contactName })}</MessageBarBody>
        </MessageBar>
      )}
      {read && (
        <>
          <Switch
            checked={optedOut}
            disabled={submit.busy}
            label={t("delivery.optOut.switch")}
            onChange={(_, d) => setOptedOut(d.checked)}
          />
          <Caption1>{t("delivery.optOut.hint")}</Caption1>
        </>
      )}
    </FormDialog>
  );
};
