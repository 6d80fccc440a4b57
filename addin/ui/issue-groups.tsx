import { groupIssues, type GroupableIssue, type IssueGroup } from "@shared/model/issue-group";
import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useHost } from "../host/host-context";
import { useT } from "../i18n/use-t";
import { ruleHint, ruleMessage } from "./check-rule-texts";
import { useGoToFix } from "./go-to-fix";
import { fixLabel, fixOf } from "./rule-fixes";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  fix: { alignSelf: "flex-start" },
});

/** Groups a check's findings in the pane, for a check that ran here (the letter's engine). */
export const groupsOf = (issues: readonly GroupableIssue[]): IssueGroup[] =>
  groupIssues(issues, () => "");

/**
 * A check's problems by kind: 3,229 lines without a template read as one row with its count,
 * what fixes it and a button that goes there; the line-by-line detail stays one click away.
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
  const goToFix = useGoToFix();
  if (groups.length === 0) return null;
  return (
    <ul className={styles.list} aria-label={t("checks.groups.label")}>
      {groups.map((group) => {
        const hint = ruleHint(t, displayLanguage, group);
        const target = fixOf(group.rule);
        return (
          <li key={`${group.rule}|${group.field ?? ""}`} className={styles.group}>
            <span>
              <Text weight="semibold">{t("checks.groups.count", { count: group.count })}</Text>{" "}
              {/* A merge field ("City: 812 ×") is the letter's own word; a check's field is the
                  server's name for it (interactionTemplateCode), which the rule's text says better. */}
              {!withExample &&
                group.field !== undefined &&
                `${t("checks.groups.field", { field: group.field })} `}
              {withExample && ruleMessage(t, displayLanguage, group, group.lines[0])}
            </span>
            <span>{t("checks.groups.fix", { hint })}</span>
            {group.lines.length > 0 && (
              <Caption1>
                {t("checks.groups.lines", {
                  lines: group.lines.map((l) => l.contactNo ?? String(l.lineNo)).join(", "),
                })}
              </Caption1>
            )}
            {goToFix && target && (
              <Button
                className={styles.fix}
                size="small"
                appearance="primary"
                onClick={() => goToFix.goTo(target)}
              >
                {t(fixLabel(target))}
              </Button>
            )}
          </li>
        );
      })}
    </ul>
  );
};
