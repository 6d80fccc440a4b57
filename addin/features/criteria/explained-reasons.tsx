import type { ExplainedCriteria, TypedCondition } from "@shared/model/explained-criteria";
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { MessageKey } from "../../i18n/en-US";
import { useFormat } from "../../i18n/use-format";
import { useT } from "../../i18n/use-t";
import { summarizeNode, type FieldLabel } from "./action-summary";

const useStyles = makeStyles({
  list: {
    margin: `${tokens.spacingVerticalXS} 0`,
    paddingInlineStart: tokens.spacingHorizontalL,
    overflowWrap: "anywhere",
  },
});

const GROUP: Record<"and" | "or" | "not", MessageKey> = {
  and: "criteria.explain.group.and",
  or: "criteria.explain.group.or",
  not: "criteria.explain.group.not",
};

/**
 * The server's reasons (the action's conditions as typed, each met or not) in the pane's words:
 * each condition as the criteria builder's summary words it, groups nested under a line saying
 * how they combine. A part is marked only where it went the other way than the whole, e.g. the
 * condition a NOT turned round.
 */
export const ExplainedReasons = ({
  reasons,
  label,
}: {
  reasons: ExplainedCriteria;
  label: FieldLabel;
}) => {
  const t = useT();
  const format = useFormat();
  const styles = useStyles();
  const words = (condition: TypedCondition) => summarizeNode(t, label, condition, true, format);
  const marked = (text: string, matched: boolean) =>
    matched === reasons.matched
      ? text
      : t(matched ? "criteria.explain.met" : "criteria.explain.notMet", { condition: text });

  const item = (node: ExplainedCriteria, key: number): ReactNode => {
    if (node.kind === "condition")
      return <li key={key}>{marked(words(node.condition), node.matched)}</li>;
    if (node.kind === "not" && node.item.kind === "condition")
      return (
        <li key={key}>
          {marked(t("criteria.summary.not", { item: words(node.item.condition) }), node.matched)}
        </li>
      );
    return (
      <li key={key}>
        {marked(t(GROUP[node.kind]), node.matched)}
        {list(node.kind === "not" ? [node.item] : node.items)}
      </li>
    );
  };
  const list = (nodes: readonly ExplainedCriteria[]) => (
    <ul className={styles.list}>{nodes.map(item)}</ul>
  );

  return (
    <>
      <Caption1 block>
        {t(reasons.matched ? "criteria.explain.because" : "criteria.explain.failed")}
      </Caption1>
      {list(reasons.kind === "and" ? reasons.items : [reasons])}
    </>
  );
};
