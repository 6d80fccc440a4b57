import { groupIssues, type GroupableIssue, type IssueGroup } from "@shared/model/issue-group";
import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useHost } from "../host/host-context";
import { useT } from "../i18n/use-t";
import { ruleHint, ruleMessage } from "./check-rule-texts";

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
});

/** Groups a check's findings in the pane, for a check that ran here (the letter's engine). */
export const groupsOf = (issues: readonly GroupableIssue[]): IssueGroup[] =>
  groupIssues(issues, () => "");

/**
 * A check's problems by kind: 3,229 lines without a template read as one row with its count,
 * the first lines and what fixes it; the line-by-line detail stays below it.
 */
export const IssueGroups = ({
  groups,
  withExample = true,
}: {
  groups: readonly IssueGroup[];
  /** Off where each finding names its contact: the detail below says it already. */
  withExample?: boolean;
}) => {
  const t = useT();
  const styles = useStyles();
  const { displayLanguage } = useHost();
  if (groups.length === 0) return null;
  return (
    <ul className={styles.list} aria-label={t("checks.groups.label")}>
      {groups.map((group) => {
        const hint = ruleHint(t, displayLanguage, group);
        return (
          <li key={`${group.rule}|${group.field ?? ""}`}>
            <Text weight="semibold">{t("checks.groups.count", { count: group.count })}</Text>{" "}
            {group.field !== undefined && `${t("checks.groups.field", { field: group.field })} `}
            {withExample && ruleMessage(t, displayLanguage, group, group.lines[0])}
            <div>{t("checks.groups.fix", { hint })}</div>
            {group.lines.length > 0 && (
              <Caption1>
                {t("checks.groups.lines", {
                  lines: group.lines.map((l) => l.contactNo ?? String(l.lineNo)).join(", "),
                })}
              </Caption1>
            )}
          </li>
        );
      })}
    </ul>
  );
};
