import type { LogOutcome, LogProblem } from "@shared/model/logging";
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useApi } from "../../api/api-context";
import { useApiQuery } from "../../api/use-api-query";
import { useHost } from "../../host/host-context";
import { useT } from "../../i18n/use-t";
import { useFormat } from "../../i18n/use-format";
import { ApiProblemBar, isConflict, isNotImplemented } from "../../ui/api-problem-bar";
import { ruleMessage } from "../../ui/check-rule-texts";
import { IssueGroups } from "../../ui/issue-groups";
import { ProblemDetails } from "../../ui/problem-details";
import { LoggedSegmentDelivery } from "../delivery/logged-segment-delivery";
import { SendAttachmentsForm } from "../delivery/send-attachments-form";
import { DEFAULT_SEND_CHOICE, toSendAttachments } from "../delivery/send-choice";
import { SendJobView } from "../delivery/send-job-view";
import { useOpenSegment } from "../segments/open-segment";
import { LogStoppedBar } from "./log-stopped-bar";
import { useLogSegment } from "./use-log-segment";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

const byLine = (problems: readonly LogProblem[]) => {
  const lines = new Map<number, LogProblem[]>();
  for (const p of problems) lines.set(p.lineNo, [...(lines.get(p.lineNo) ?? []), p]);
  return [...lines.entries()].sort(([a], [b]) => a - b);
};

/**
 * Log the segment: Business Central's checks first (every failing line at once), then one
 * interaction per line and a logged segment, with the follow-up option and progress, and Send
 * Attachments: e-mail lines sent, hard-copy lines in one print file, followed as a send job. A Log that
 * stopped before it finished (its process died) is offered to be finished, by whoever opens it.
 */
export const LogView = ({ onOpenSegment }: { onOpenSegment?: (no: string) => void }) => {
  const t = useT();
  const count = useFormat().number;
  const styles = useStyles();
  const { client } = useApi();
  const { displayLanguage } = useHost();
  const { segment, reload: reloadSegment, replace } = useOpenSegment();
  const [followUp, setFollowUp] = useState(false);
  const [send, setSend] = useState(false);
  const [choice, setChoice] = useState(DEFAULT_SEND_CHOICE);
  const { run, log, resume, forget } = useLogSegment(segment.no);
  // What the Log tab shows is what is reviewed: read the segment afresh on opening it, so its
  // ETag covers the lines as they are now (other tabs, e.g. a contact's own letter, change them).
  useEffect(() => {
    if (segment.status === "open") reloadSegment();
    // Only on opening the tab.
  }, []);
  const check = useApiQuery(
    (signal) => client("checkLog", { params: { no: segment.no }, signal }),
    [client, segment.no, segment.etag, segment.noOfLines],
  );
  const problems = check.state.status === "ok" ? check.state.data.problems : [];
  const empty = segment.noOfLines === 0;
  // Logged, the segment is history: the server no longer answers it as a segment (410), so the
  // pane does not read it again; it lists among the logged segments now.
  const logged = segment.status === "logged" || run.phase === "done";
  // Marked "logging" and not by this pane's click: someone's Log runs, or one stopped.
  const stopped = segment.status === "logging";
  const logStatus = useApiQuery(
    (signal) =>
      stopped
        ? client("getLogStatus", { params: { no: segment.no }, signal })
        : Promise.resolve(undefined),
    [client, segment.no, segment.etag, stopped],
  );

  // The header above every tab and the list read the open segment: logged, it says so at once
  // (the server would answer it 410 now, so it is not read again).
  const markLogged = (outcome: LogOutcome) =>
    replace({
      ...segment,
      status: "logged",
      loggedSegmentEntryNo: outcome.loggedSegment.entryNo,
    });
  const start = async () => {
    const outcome = await log(segment.etag, followUp, send ? toSendAttachments(choice) : undefined);
    if (outcome) markLogged(outcome);
  };
  const reloadAll = () => {
    reloadSegment();
    check.reload();
    logStatus.reload();
  };
  const finish = async () => {
    const outcome = await resume();
    if (outcome) markLogged(outcome);
    else logStatus.reload();
  };

  return (
    <section className={styles.root} aria-labelledby="log-heading">
      <Subtitle2 as="h3" id="log-heading">
        {t("log.heading")}
      </Subtitle2>

      {logged && run.phase !== "done" && (
        <MessageBar intent="success">
          <MessageBarBody>
            {t("log.alreadyLogged", { entryNo: segment.loggedSegmentEntryNo ?? "" })}
          </MessageBarBody>
        </MessageBar>
      )}
      {logged && run.phase !== "done" && segment.loggedSegmentEntryNo !== undefined && (
        <LoggedSegmentDelivery entryNo={segment.loggedSegmentEntryNo} />
      )}

      {stopped && run.phase !== "logging" && run.phase !== "done" && (
        <>
          {logStatus.state.status === "ok" && logStatus.state.data && (
            <LogStoppedBar status={logStatus.state.data} onFinish={finish} />
          )}
          {logStatus.state.status === "error" && (
            <ApiProblemBar error={logStatus.state.error} onRetry={logStatus.reload} />
          )}
        </>
      )}

      {!logged && !stopped && (
        <>
          {check.state.status === "loading" && <Spinner size="tiny" label={t("log.checking")} />}
          {check.state.status === "error" && (
            <ApiProblemBar error={check.state.error} onRetry={check.reload} />
          )}
          {empty && (
            <MessageBar intent="info">
              <MessageBarBody>{t("log.empty")}</MessageBarBody>
            </MessageBar>
          )}
          {check.state.status === "ok" &&
            !empty &&
            (problems.length === 0 ? (
              <MessageBar intent="success">
                <MessageBarBody>
                  {t("log.checkOk", { lines: check.state.data.lines })}
                </MessageBarBody>
              </MessageBar>
            ) : (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>
                    {t("log.problems", {
                      count: problems.length,
                      lines: check.state.data.lines,
                    })}
                  </MessageBarTitle>
                  <IssueGroups groups={check.state.data.groups} />
                  <ProblemDetails
                    label={t("log.problemsList")}
                    items={byLine(problems)}
                    render={(shown) => (
                      <ul className={styles.problems} aria-label={t("log.problemsList")}>
                        {shown.map(([lineNo, list]) => (
                          <li key={lineNo}>
                            <Text weight="semibold">
                              {t("log.problemLine", {
                                lineNo,
                                contactNo: list[0]?.contactNo ?? "",
                              })}
                            </Text>
                            <ul>
                              {list.map((p, i) => (
                                <li key={i}>{ruleMessage(t, displayLanguage, p, p)}</li>
                              ))}
                            </ul>
                          </li>
                        ))}
                      </ul>
                    )}
                  />
                </MessageBarBody>
              </MessageBar>
            ))}

          <Field hint={t("log.followUpHint")}>
            <Checkbox
              label={t("log.followUp")}
              checked={followUp}
              disabled={run.phase === "logging"}
              onChange={(_, d) => {
                setFollowUp(d.checked === true);
                forget();
              }}
            />
          </Field>
          <Field hint={t("log.send.hint")}>
            <Checkbox
              label={t("log.send")}
              checked={send}
              disabled={run.phase === "logging"}
              onChange={(_, d) => {
                setSend(d.checked === true);
                forget();
              }}
            />
          </Field>
          {send && (
            <SendAttachmentsForm
              segmentNo={segment.no}
              value={choice}
              disabled={run.phase === "logging"}
              onChange={(next) => {
                setChoice(next);
                forget();
              }}
            />
          )}
        </>
      )}

      {!logged && (
        <>
          {run.phase === "logging" && (
            <Field
              label={t("log.progress")}
              validationState="none"
              validationMessage={
                run.progress
                  ? t("log.progressCount", {
                      written: count(run.progress.written),
                      total: count(run.progress.total),
                    })
                  : t("log.starting")
              }
            >
              <ProgressBar
                value={
                  run.progress && run.progress.total > 0
                    ? run.progress.written / run.progress.total
                    : undefined
                }
              />
            </Field>
          )}
          {run.phase === "failed" && isConflict(run.error) && (
            // The Log's If-Match covers the lines: say what the marketer must do, check again.
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t("log.changed.title")}</MessageBarTitle>
                {t("log.changed.body")}
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" appearance="primary" onClick={reloadAll}>
                  {t("log.changed.reload")}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          {run.phase === "failed" && !isConflict(run.error) && (
            <ApiProblemBar
              error={run.error}
              onRetry={
                run.retryable && !isNotImplemented(run.error)
                  ? stopped
                    ? finish
                    : start
                  : undefined
              }
              onReload={reloadAll}
              onRepeat={stopped ? finish : start}
            />
          )}
        </>
      )}

      {!logged && !stopped && (
        <>
          <div className={styles.actions}>
            <Button
              appearance="primary"
              disabled={run.phase === "logging" || problems.length > 0 || empty}
              onClick={start}
            >
              {run.phase === "failed" && run.retryable && !isNotImplemented(run.error)
                ? t("log.retry")
                : t("log.log")}
            </Button>
            <Button disabled={run.phase === "logging"} onClick={check.reload}>
              {t("log.checkAgain")}
            </Button>
          </div>
        </>
      )}

      {run.phase === "done" && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("log.done.title")}</MessageBarTitle>
            {t("log.done.body", {
              entryNo: run.outcome.loggedSegment.entryNo,
              count: run.outcome.loggedSegment.noOfInteractions,
            })}
            {run.outcome.followUpSegmentNo && (
              <div>
                {onOpenSegment ? (
                  <Link onClick={() => onOpenSegment(run.outcome.followUpSegmentNo ?? "")}>
                    {t("log.openFollowUp", { no: run.outcome.followUpSegmentNo })}
                  </Link>
                ) : (
                  <Caption1>
                    {t("log.followUpCreated", { no: run.outcome.followUpSegmentNo })}
                  </Caption1>
                )}
              </div>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {run.phase === "done" && run.outcome.sendJobId && (
        <SendJobView jobId={run.outcome.sendJobId} />
      )}
    </section>
  );
};
