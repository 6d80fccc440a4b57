import { MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorCircle16Filled, Info16Regular, Warning16Filled } from "@fluentui/react-icons";
import type { Translate } from "../../i18n/translate";
import { useT } from "../../i18n/use-t";
import { IssueGroups, groupsOf } from "../../ui/issue-groups";
import { ProblemDetails } from "../../ui/problem-details";
import { useVisuallyHidden } from "../../ui/visually-hidden";
import { issueText, type CheckIssue } from "./check-issues";

/** A few findings read best as they are; more are grouped, their list one click away. */
const INLINE = 5;

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start" },
  icon: { flexShrink: 0, marginTop: "2px" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground3 },
});

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/** One contact's "City, Phone are empty" counts once under each field: "City: 812 ×". */
const groupable = (t: Translate, issue: CheckIssue) => {
  const base = { rule: issue.code, severity: issue.severity, message: issueText(t, issue) };
  const fields = issue.params["fields"];
  if (issue.code === "empty_values" && Array.isArray(fields))
    return fields.map((field: string) => ({ ...base, field }));
  return [base];
};

/** Check for errors' findings, errors first, each in the user's language. */
export const IssueList = ({
  issues,
  records,
}: {
  issues: readonly CheckIssue[];
  records: number;
}) => {
  const t = useT();
  const styles = useStyles();
  const hidden = useVisuallyHidden();
  const errors = issues.filter((issue) => issue.severity === "error").length;
  const warnings = issues.filter((issue) => issue.severity === "warning").length;
  // A field without a match stops the merge (as the server refuses it): no "merge all the same".
  const unmatched = issues.some((issue) => issue.code === "field_unmatched");
  const sorted = [...issues].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const list = (shown: readonly CheckIssue[]) => (
    <ul className={styles.list} aria-label={t("merge.check.list")}>
      {shown.map((issue, index) => (
        <li key={index} className={styles.item}>
          <span className={`${styles.icon} ${styles[issue.severity]}`} aria-hidden>
            {issue.severity === "error" ? (
              <ErrorCircle16Filled />
            ) : issue.severity === "warning" ? (
              <Warning16Filled />
            ) : (
              <Info16Regular />
            )}
          </span>
          <span>
            <span className={hidden.root}>{t(`merge.severity.${issue.severity}`)}: </span>
            {issueText(t, issue)}
          </span>
        </li>
      ))}
    </ul>
  );

  if (issues.length === 0) {
    return (
      <MessageBar intent="success">
        <MessageBarBody>{t("merge.check.clean", { count: records })}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      <MessageBar intent={errors > 0 ? "error" : "warning"} layout="multiline">
        <MessageBarBody>
          {t(unmatched ? "merge.check.summaryUnmatched" : "merge.check.summary", {
            errors,
            warnings,
            count: records,
          })}
        </MessageBarBody>
      </MessageBar>
      <IssueGroups
        withExample={false}
        groups={groupsOf(issues.flatMap((i) => groupable(t, i))).filter((g) => g.count > 1)}
      />
      {sorted.length <= INLINE ? (
        list(sorted)
      ) : (
        <ProblemDetails label={t("merge.check.list")} items={sorted} render={list} />
      )}
    </>
  );
};
