import type { SendJob } from "@shared/model/delivery";
import type { InteractionLogEntry } from "@shared/model/interaction-log-entry";
import {
  Badge,
  Button,
  Caption1,
  DrawerBody,
  OverlayDrawer,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { useApi } from "../../api/api-context";
import { useApiQuery } from "../../api/use-api-query";
import { useHost } from "../../host/host-context";
import { useT } from "../../i18n/use-t";
import { ApiProblemBar } from "../../ui/api-problem-bar";
import { DrawerTitle } from "../../ui/drawer-title";
import { formatLocaleAmount, formatLocaleNumber } from "../../ui/locale-number";
import { SendJobView } from "../delivery/send-job-view";
import { LetterActionsStatus } from "./letter-actions-status";
import { useLetterActions } from "./use-letter-actions";
import { useFormat } from "../../i18n/use-format";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  entry: {
    display: "flex",
    flexDirection: "column",
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
});

/** A contact's interaction log, newest first (a company's includes its persons'). */
export const ContactInteractionsDrawer = ({
  contactNo,
  contactName,
  onClose,
}: {
  contactNo: string;
  contactName: string;
  onClose: () => void;
}) => {
  const t = useT();
  const format = useFormat();
  const styles = useStyles();
  const { client } = useApi();
  const first = useApiQuery(
    (signal) =>
      client("listContactInteractions", { params: { no: contactNo }, query: { top: 50 }, signal }),
    [client, contactNo],
  );
  const [more, setMore] = useState<{ items: InteractionLogEntry[]; token?: string }>();
  const [moreError, setMoreError] = useState<unknown>();
  const items = [...(first.state.data?.items ?? []), ...(more?.items ?? [])];
  const token = more ? more.token : first.state.data?.continuationToken;
  const letters = useLetterActions();
  // Cost and duration as Business Central's Interaction Log Entries show them, in the user's locale.
  const { displayLanguage } = useHost();
  const [resent, setResent] = useState<{ entryNo: number; job: SendJob }>();
  const [resendError, setResendError] = useState<unknown>();
  const [resending, setResending] = useState<number>();

  /** One entry again by e-mail: a send job of one line, followed right here. */
  const resendByEmail = async (entry: InteractionLogEntry) => {
    setResending(entry.entryNo);
    setResendError(undefined);
    try {
      const job = await client("resendEntryByEmail", {
        params: { entryNo: entry.entryNo },
        body: {},
      });
      setResent({ entryNo: entry.entryNo, job });
    } catch (error) {
      setResendError(error);
    } finally {
      setResending(undefined);
    }
  };

  const loadMore = async () => {
    if (!token) return;
    try {
      const next = await client("listContactInteractions", {
        params: { no: contactNo },
        query: { top: 50, continuationToken: token },
      });
      setMore({ items: [...(more?.items ?? []), ...next.items], token: next.continuationToken });
    } catch (error) {
      setMoreError(error);
    }
  };

  return (
    <OverlayDrawer
      open
      position="end"
      size="full"
      onOpenChange={(_, d) => !d.open && onClose()}
      aria-labelledby="interactions-title"
    >
      <DrawerTitle id="interactions-title" onClose={onClose}>
        {t("log.interactions.title", { name: contactName })}
      </DrawerTitle>
      <DrawerBody>
        <LetterActionsStatus state={letters.state} />
        {resendError !== undefined && <ApiProblemBar error={resendError} />}
        {first.state.status === "loading" && (
          <Spinner size="small" label={t("log.interactions.loading")} />
        )}
        {first.state.status === "error" && (
          <ApiProblemBar error={first.state.error} onRetry={first.reload} />
        )}
        {first.state.status === "ok" && items.length === 0 && (
          <Caption1>{t("log.interactions.empty")}</Caption1>
        )}
        {items.length > 0 && (
          <ul className={styles.list}>
            {items.map((entry) => (
              <li key={`${entry.contactNo}-${entry.entryNo}`} className={styles.entry}>
                <Text weight="semibold">{entry.description}</Text>
                <Caption1>
                  {[
                    format.date(entry.date),
                    entry.interactionTemplateCode,
                    entry.segmentNo,
                    entry.contactNo !== contactNo ? entry.contactName : undefined,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </Caption1>
                {entry.subject && (
                  <Caption1>{t("log.interactions.subject", { subject: entry.subject })}</Caption1>
                )}
                <Caption1>
                  {t("log.interactions.costDuration", {
                    cost: formatLocaleAmount(displayLanguage, entry.cost),
                    duration: formatLocaleNumber(displayLanguage, entry.duration),
                  })}
                </Caption1>
                {entry.evaluation && (
                  <Caption1>{t(`common.evaluation.${entry.evaluation}`)}</Caption1>
                )}
                {entry.canceled && (
                  <Badge size="small" color="danger" appearance="tint">
                    {t("log.loggedSegments.canceledBadge")}
                  </Badge>
                )}
                {entry.deliveryStatus !== "none" && (
                  <Caption1>{t(`delivery.entryStatus.${entry.deliveryStatus}`)}</Caption1>
                )}
                {entry.correspondenceType === "email" && !entry.canceled && (
                  <div className={styles.actions}>
                    {/* Focusable while the request runs: a disabled button drops the focus to
                        the page, and the side panel's focus trap then hides the panel. */}
                    <Button
                      size="small"
                      disabledFocusable={resending !== undefined}
                      aria-label={t("delivery.resendEmailFor", { entryNo: entry.entryNo })}
                      onClick={() => void resendByEmail(entry)}
                    >
                      {t("delivery.resendEmail")}
                    </Button>
                  </div>
                )}
                {resent?.entryNo === entry.entryNo && (
                  <SendJobView jobId={resent.job.id} initial={resent.job} />
                )}
                {entry.keptLetter && (
                  <div className={styles.actions}>
                    <Button
                      size="small"
                      disabled={letters.state.working !== undefined}
                      aria-label={t("log.letters.openFor", { entryNo: entry.entryNo })}
                      onClick={() => void letters.openLetter(entry)}
                    >
                      {t("log.letters.open")}
                    </Button>
                    {!entry.canceled && (
                      <Button
                        size="small"
                        disabled={letters.state.working !== undefined}
                        aria-label={t("log.letters.resendFor", { entryNo: entry.entryNo })}
                        onClick={() => void letters.resendEntry(entry)}
                      >
                        {t("log.letters.resend")}
                      </Button>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        {moreError !== undefined && <ApiProblemBar error={moreError} onRetry={loadMore} />}
        {token && (
          <Button size="small" onClick={loadMore}>
            {t("common.showMore")}
          </Button>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
};
