import {
  Body1Strong,
  Button,
  Caption1,
  Divider,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Checkmark20Regular, Dismiss20Regular, DocumentAdd20Regular } from "@fluentui/react-icons";
import { DEFAULT_LABEL_SHEET, type LabelSheet } from "@shared/model/label-sheet";
import { MergeOutputKind } from "@shared/model/merge-job";
import { useEffect, useId, useState } from "react";
import { useHost } from "../../host/host-context";
import type { MessageKey } from "../../i18n/en-US";
import type { Translate } from "../../i18n/translate";
import { useT } from "../../i18n/use-t";
import { useFormatMegabytes } from "../../i18n/format-number";
import { useFormat } from "../../i18n/use-format";
import { ActionErrorBar } from "../../ui/action-error-bar";
import { issueText, fromApi } from "./check-issues";
import { ConverterBusyBar, isConverterBusy } from "./converter-busy";
import { CustomizeLetter } from "./customize-letter";
import { IssueList } from "./issue-list";
import { LabelSheetPicker, labelSheetIssues } from "./label-sheet-picker";
import { MatchFieldsDialog } from "./match-fields-dialog";
import { MergeJobError } from "./server-merge";
import { ServerStoppedBar, stoppedJob } from "./server-stopped";
import { useMergeRun, type MergeOutcome, type MergeRunState } from "./use-merge-run";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  button: { alignSelf: "flex-start" },
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

const PHASES: Record<NonNullable<MergeRunState["phase"]>, MessageKey> = {
  data: "merge.progress.data",
  checking: "merge.progress.checking",
  merging: "merge.progress.merging",
  server: "merge.progress.server",
};

const OUTPUT_EXPLANATIONS: Record<Exclude<MergeOutputKind, "document">, MessageKey> = {
  perContact: "merge.output.perContact.explain",
  labels: "merge.output.labels.explain",
  documentPdf: "merge.output.documentPdf.explain",
  perContactPdf: "merge.output.perContactPdf.explain",
};

const outcomeText = (
  t: Translate,
  outcome: MergeOutcome,
  format: (value: number) => string,
  megabytes: (bytes: number) => string,
): string => {
  switch (outcome.kind) {
    case "newDocument":
      return t("merge.done.newDocument", { count: format(outcome.count) });
    case "appendToDocument":
      return t("merge.done.appendToDocument", { count: format(outcome.count) });
    case "download":
      return t("merge.done.download", { count: format(outcome.count), fileName: outcome.fileName });
    case "perContact":
      return t("merge.done.perContact", {
        count: format(outcome.count),
        fileName: outcome.fileName,
      });
    case "labels":
      return t("merge.done.labels", { count: format(outcome.count), fileName: outcome.fileName });
    case "documentPdf":
      return t("merge.done.documentPdf", {
        count: format(outcome.count),
        fileName: outcome.fileName,
      });
    case "perContactPdf":
      return t("merge.done.perContactPdf", {
        count: format(outcome.count),
        fileName: outcome.fileName,
      });
    case "tooLargeForWord":
      return t(
        outcome.limit === undefined ? "merge.done.tooLargeForWord" : "merge.done.overWordLimit",
        {
          count: format(outcome.count),
          fileName: outcome.fileName,
          size: megabytes(outcome.size),
          limit: megabytes(outcome.limit ?? 0),
        },
      );
    case "empty":
      return t("merge.done.empty");
    case "canceled":
      return t("merge.done.canceled");
  }
};

/** Contacts named in the failed-letters line; a longer list ends in an ellipsis. */
const FAILED_SHOWN = 10;

const failedText = (
  t: Translate,
  failed: readonly { readonly contactNo: string; readonly contactName: string }[],
): string => {
  const contacts =
    failed
      .slice(0, FAILED_SHOWN)
      .map((f) => `${f.contactNo} ${f.contactName}`)
      .join(", ") + (failed.length > FAILED_SHOWN ? ", …" : "");
  return failed.length === 1
    ? t("merge.done.pdfFailedOne", { contacts })
    : t("merge.done.pdfFailed", { count: failed.length, contacts });
};

/**
 * Check for errors, then Merge: into a new Word document (or, without WordApi 1.3, appended to
 * this one after a section break), one document per contact as a zip, the same two as PDF, or
 * address labels on a chosen sheet, from the server. A progress bar and Cancel for large segments; customizing one
 * contact's letter below.
 */
export const MergeView = ({ segmentNo }: { segmentNo: string }) => {
  const t = useT();
  const count = useFormat().number;
  const megabytes = useFormatMegabytes();
  const styles = useStyles();
  const host = useHost();
  const headingId = useId();
  const checkId = useId();
  const mergeId = useId();
  const explainId = useId();
  const run = useMergeRun(segmentNo);
  // Back on the tab while a merge runs (or after it ended): the output it makes stays chosen.
  const [output, setOutput] = useState<MergeOutputKind>(() => run.state.output ?? "document");
  const [sheet, setSheet] = useState<LabelSheet>(DEFAULT_LABEL_SHEET);
  const sheetPrintable = output !== "labels" || labelSheetIssues(sheet).length === 0;
  const merge = () =>
    run.merge(output, output === "labels" ? { sheet, content: "addressBlock" } : undefined);
  const [matching, setMatching] = useState(false);
  const [recheck, setRecheck] = useState(false);
  const { state } = run;
  const unmatched = state.check?.unmatched ?? [];
  const { check } = run;
  // Saved matches take effect in the next check, run once the new matches are in place.
  useEffect(() => {
    if (!recheck) return;
    setRecheck(false);
    void check();
  }, [recheck, check]);
  const into = host.capabilities.mergeInto;

  const documentLabel: MessageKey =
    into === "newDocument"
      ? "merge.output.newDocument"
      : into === "appendToDocument"
        ? "merge.output.append"
        : "merge.output.download";
  const explanation: MessageKey =
    output === "document"
      ? into === "newDocument"
        ? "merge.output.newDocument.explain"
        : into === "appendToDocument"
          ? "merge.output.append.explain"
          : "merge.output.download.explain"
      : OUTPUT_EXPLANATIONS[output];

  const progress = state.progress;
  const fraction =
    progress?.total !== undefined && progress.total > 0
      ? Math.min(1, progress.done / progress.total)
      : undefined;
  const stopped = stoppedJob(state.error);
  const jobIssues = state.error instanceof MergeJobError ? state.error.job.issues.map(fromApi) : [];

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {t("merge.heading")}
      </Subtitle2>

      <section className={styles.section} aria-labelledby={checkId}>
        <Body1Strong as="h3" id={checkId} className={styles.heading}>
          {t("merge.check.heading")}
        </Body1Strong>
        <Caption1>{t("merge.check.hint")}</Caption1>
        <Button
          className={styles.button}
          icon={<Checkmark20Regular />}
          disabled={run.running}
          onClick={() => void run.check()}
        >
          {t("merge.check.run")}
        </Button>
        {(unmatched.length > 0 || Object.keys(run.matches).length > 0) && (
          <MessageBar intent={unmatched.length > 0 ? "error" : "info"} layout="multiline">
            <MessageBarBody>
              {unmatched.length > 0
                ? t("merge.match.needed", { count: unmatched.length })
                : t("merge.match.matched", { count: Object.keys(run.matches).length })}{" "}
              <Button size="small" disabled={run.running} onClick={() => setMatching(true)}>
                {t("merge.match.open")}
              </Button>
            </MessageBarBody>
          </MessageBar>
        )}
        {state.check && <IssueList issues={state.check.issues} records={state.check.records} />}
        {matching && (
          <MatchFieldsDialog
            unmatched={unmatched}
            matches={run.matches}
            onClose={() => setMatching(false)}
            onSave={(matches) => {
              run.setMatches(matches);
              setMatching(false);
              setRecheck(true);
            }}
          />
        )}
      </section>

      <section className={styles.section} aria-labelledby={mergeId}>
        <Body1Strong as="h3" id={mergeId} className={styles.heading}>
          {t("merge.merge.heading")}
        </Body1Strong>
        <Field label={t("merge.output.label")}>
          <RadioGroup
            value={output}
            disabled={run.running}
            aria-describedby={explainId}
            onChange={(_, data) => setOutput(MergeOutputKind.parse(data.value))}
          >
            <Radio value="document" label={t(documentLabel)} />
            <Radio value="perContact" label={t("merge.output.perContact")} />
            <Radio value="labels" label={t("merge.output.labels")} />
            <Radio value="documentPdf" label={t("merge.output.documentPdf")} />
            <Radio value="perContactPdf" label={t("merge.output.perContactPdf")} />
          </RadioGroup>
        </Field>
        {output === "labels" && (
          <LabelSheetPicker value={sheet} onChange={setSheet} disabled={run.running} />
        )}
        <Caption1 id={explainId}>{t(explanation, { segmentNo })}</Caption1>
        <Button
          className={styles.button}
          appearance="primary"
          icon={<DocumentAdd20Regular />}
          disabled={run.running || !sheetPrintable}
          onClick={() => void merge()}
        >
          {t("merge.merge.run")}
        </Button>
      </section>

      {run.running && state.phase && (
        <div className={styles.progress}>
          <Field
            label={t("merge.progress.label")}
            validationState="none"
            validationMessage={
              t(state.serverLost ? "merge.serverLost" : PHASES[state.phase]) +
              (progress
                ? ` ${t(progress.total === undefined ? "merge.progress.countOpen" : "merge.progress.count", { done: count(progress.done), total: count(progress.total ?? 0) })}`
                : "")
            }
          >
            <ProgressBar value={fraction} max={1} thickness="large" />
          </Field>
          <Button className={styles.button} icon={<Dismiss20Regular />} onClick={run.cancel}>
            {t("merge.cancel")}
          </Button>
        </div>
      )}

      <div role="status" aria-live="polite">
        {state.outcome && (
          <MessageBar
            intent={
              state.outcome.kind === "canceled" || state.outcome.kind === "empty"
                ? "info"
                : "success"
            }
            layout="multiline"
          >
            <MessageBarBody>{outcomeText(t, state.outcome, count, megabytes)}</MessageBarBody>
          </MessageBar>
        )}
        {state.outcome && "failed" in state.outcome && state.outcome.failed && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{failedText(t, state.outcome.failed)}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {state.error !== undefined && isConverterBusy(state.error) && (
        <ConverterBusyBar onRetry={() => void merge()} />
      )}
      {stopped && <ServerStoppedBar job={stopped} onMergeAgain={() => void merge()} />}
      {state.error !== undefined && !isConverterBusy(state.error) && !stopped && (
        <>
          <ActionErrorBar
            error={state.error}
            onRetry={() => void merge()}
            onRepeat={() => void merge()}
          />
          {jobIssues.length > 0 && (
            <ul>
              {jobIssues.map((issue, index) => (
                <li key={index}>{issueText(t, issue)}</li>
              ))}
            </ul>
          )}
        </>
      )}

      <Divider />
      <CustomizeLetter segmentNo={segmentNo} />
    </section>
  );
};
