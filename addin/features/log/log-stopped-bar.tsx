import type { LogStatus } from "@shared/model/logging";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useHost } from "../../host/host-context";
import { useT } from "../../i18n/use-t";
import { OneActionBar } from "../../ui/one-action-bar";
import { formatMoment } from "../delivery/format-time";

const when = (iso: string | undefined, language: string) =>
  iso ? formatMoment(iso, language) : "";

/**
 * A segment marked "logging" while this pane is not the one logging it: either someone's Log
 * is running (who, how far, until when its hold lasts), or it stopped (its process died) and
 * anyone may finish it.
 */
export const LogStoppedBar = ({
  status,
  onFinish,
}: {
  readonly status: LogStatus;
  readonly onFinish: () => void;
}) => {
  const t = useT();
  const { displayLanguage } = useHost();
  if (status.status === "writing") {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          {t("log.elsewhere", {
            user: status.loggingBy ?? status.startedByName ?? t("log.someone"),
            written: status.written,
            total: status.total,
            until: when(status.leaseEndsAt, displayLanguage),
          })}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (status.status !== "abandoned") return null;
  return (
    <OneActionBar
      title={t("log.abandoned.title")}
      body={t("log.abandoned.body", {
        user: status.startedByName ?? t("log.someone"),
        started: when(status.startedAt, displayLanguage),
        written: status.written,
        total: status.total,
      })}
      action={t("log.abandoned.finish")}
      onAction={onFinish}
    />
  );
};
