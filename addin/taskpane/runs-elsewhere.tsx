import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { MessageKey } from "../i18n/en-US";
import { useFormat } from "../i18n/use-format";
import { useT } from "../i18n/use-t";
import { useRunActivities, type RunActivity, type RunEnding } from "../ui/pane-runs";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  row: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  // The spinner stays beside its words when a long line wraps at 320 px; Show wraps below.
  what: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  text: { minWidth: 0, overflowWrap: "anywhere" },
});

interface ActivityTexts {
  readonly count: MessageKey;
  readonly open: MessageKey;
  readonly ended: MessageKey;
  /** How a run that can stop short says so; a kind without them says only that it ended. */
  readonly endedAs?: Record<RunEnding, MessageKey>;
}

const TEXT: Record<RunActivity["kind"], ActivityTexts> = {
  merge: { count: "pane.runs.merge", open: "pane.runs.mergeOpen", ended: "pane.runs.mergeEnded" },
  log: { count: "pane.runs.log", open: "pane.runs.logOpen", ended: "pane.runs.logEnded" },
  apply: {
    count: "pane.runs.apply",
    open: "pane.runs.applyOpen",
    ended: "pane.runs.applyEnded",
    endedAs: { canceled: "pane.runs.applyCanceled", failed: "pane.runs.applyFailed" },
  },
};

const endedText = ({ kind, endedAs }: RunActivity): MessageKey =>
  (endedAs && TEXT[kind].endedAs?.[endedAs]) ?? TEXT[kind].ended;

/**
 * "S0001: merging 1,204 of 3,229" / "S0001: merging…" / "BIG: applying the template was
 * canceled": one run's line, shell and tabs alike.
 */
export const useActivityText = () => {
  const t = useT();
  const format = useFormat();
  return (activity: RunActivity) =>
    activity.ended
      ? t(endedText(activity), { segmentNo: activity.segmentNo })
      : activity.done !== undefined && activity.total !== undefined
        ? t(TEXT[activity.kind].count, {
            segmentNo: activity.segmentNo,
            done: format.number(activity.done),
            total: format.number(activity.total),
          })
        : t(TEXT[activity.kind].open, { segmentNo: activity.segmentNo });
};

/**
 * A merge, a Log or a template applied to the lines keeps running when the user goes to the list,
 * the logged segments or another segment (as Outlook keeps sending while you read): one line
 * each under the top navigation says
 * so, with its count, and leads back to the tab that shows it; once it has ended, the line says
 * so until that tab has shown the outcome. The open segment's own runs show on its tabs instead.
 */
export const RunsElsewhere = ({
  openNo,
  onShow,
}: {
  readonly openNo?: string;
  readonly onShow: (activity: RunActivity) => void;
}) => {
  const t = useT();
  const styles = useStyles();
  const text = useActivityText();
  const shown = useRunActivities().filter((a) => a.segmentNo !== openNo);
  if (shown.length === 0) return null;
  return (
    // A region, not a live one: a count that moves every second would keep a reader talking.
    <section aria-label={t("pane.runs.label")} className={styles.root}>
      {shown.map((activity) => (
        <div key={`${activity.kind}/${activity.segmentNo}`} className={styles.row}>
          <span className={styles.what}>
            {activity.ended ? null : <Spinner size="extra-tiny" aria-hidden />}
            <Text size={200} className={styles.text}>
              {text(activity)}
            </Text>
          </span>
          <Button size="small" appearance="transparent" onClick={() => onShow(activity)}>
            {t("pane.runs.show", { segmentNo: activity.segmentNo })}
          </Button>
        </div>
      ))}
    </section>
  );
};
