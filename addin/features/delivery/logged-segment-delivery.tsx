import {
  Button,
  Caption1,
  Field,
  Select,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { SendRegular } from "@fluentui/react-icons";
import type { SendJob } from "@shared/model/delivery";
import { useEffect, useRef, useState } from "react";
import { useApi } from "../../api/api-context";
import { useApiQuery } from "../../api/use-api-query";
import { useHost } from "../../host/host-context";
import { useT } from "../../i18n/use-t";
import { ApiProblemBar } from "../../ui/api-problem-bar";
import { formatMoment } from "./format-time";
import { SendPanel } from "./send-panel";
import { SendJobView } from "./send-job-view";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  button: { alignSelf: "flex-start" },
});

/**
 * A logged segment's deliveries (GET /logged-segments/{entryNo}/send-jobs, newest first): the
 * chosen job's progress and lines, and Send to start another (a resend by e-mail).
 */
export const LoggedSegmentDelivery = ({
  entryNo,
  canceled,
}: {
  readonly entryNo: number;
  /** A canceled logged segment sends nothing. */
  readonly canceled?: boolean;
}) => {
  const t = useT();
  const styles = useStyles();
  const { client } = useApi();
  const { displayLanguage } = useHost();
  const jobs = useApiQuery(
    (signal) => client("listLoggedSegmentSendJobs", { params: { entryNo }, signal }),
    [client, entryNo],
  );
  const [started, setStarted] = useState<SendJob[]>([]);
  const [picked, setPicked] = useState<string>();
  const [sending, setSending] = useState(false);
  // Focus goes back to Send when its panel closes: left on a removed button, it would fall out
  // of the side panel, and the panel's modal focus trap then hides the panel itself.
  const sendButton = useRef<HTMLButtonElement>(null);
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (!refocus || sending) return;
    sendButton.current?.focus();
    setRefocus(false);
  }, [refocus, sending]);
  const closePanel = () => {
    setSending(false);
    setRefocus(true);
  };
  const all = [
    ...started,
    ...(jobs.state.data?.items ?? []).filter((j) => !started.some((s) => s.id === j.id)),
  ];
  const shown = all.find((j) => j.id === picked) ?? all[0];

  return (
    <div className={styles.root}>
      {jobs.state.status === "loading" && !jobs.state.data && (
        <Spinner size="tiny" label={t("delivery.jobs.loading")} />
      )}
      {jobs.state.status === "error" && (
        <ApiProblemBar error={jobs.state.error} onRetry={jobs.reload} />
      )}
      {jobs.state.status === "ok" && all.length === 0 && (
        <Caption1>{t("delivery.jobs.none")}</Caption1>
      )}
      {all.length > 1 && (
        <Field label={t("delivery.jobs.pick")}>
          <Select value={shown?.id ?? ""} onChange={(_, d) => setPicked(d.value)}>
            {all.map((j) => (
              <option key={j.id} value={j.id}>
                {t("delivery.jobs.option", {
                  time: formatMoment(j.createdAt, displayLanguage),
                  sent: j.counts.sent,
                  total: j.counts.total,
                })}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {shown && <SendJobView key={shown.id} jobId={shown.id} initial={shown} />}
      {!canceled && !sending && (
        <Button
          ref={sendButton}
          className={styles.button}
          icon={<SendRegular />}
          onClick={() => setSending(true)}
        >
          {t("delivery.send.open")}
        </Button>
      )}
      {sending && (
        <SendPanel
          entryNo={entryNo}
          onClose={closePanel}
          onStarted={(job) => {
            closePanel();
            setStarted((previous) => [job, ...previous]);
            setPicked(job.id);
          }}
        />
      )}
    </div>
  );
};
