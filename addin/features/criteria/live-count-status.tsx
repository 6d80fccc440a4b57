import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Translate } from "../../i18n/translate";
import { useT } from "../../i18n/use-t";
import type { BuilderKind } from "./builder-model";
import type { LiveCount } from "./use-live-count";

const useStyles = makeStyles({
  count: {
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

export interface LiveCountStatusProps {
  readonly kind: BuilderKind;
  readonly count: LiveCount;
  /** No condition at all: the action takes every contact, which deserves saying. */
  readonly everyone: boolean;
}

const countText = (t: Translate, kind: BuilderKind, count: LiveCount): string => {
  const outcome =
    count.status === "ok" ? count.outcome : count.status === "counting" ? count.last : undefined;
  if (!outcome) return count.status === "counting" ? t("criteria.count.counting") : "";
  if (kind === "addContacts") return t("criteria.count.add", { count: outcome.linesAdded });
  if (kind === "reduceContacts") return t("criteria.count.reduce", { count: outcome.linesRemoved });
  return t("criteria.count.refine", { count: outcome.linesRemoved, kept: outcome.noOfLines });
};

/** What Apply would do, announced politely: the last answer stays while the next is counted. */
export const LiveCountStatus = ({ kind, count, everyone }: LiveCountStatusProps) => {
  const t = useT();
  const styles = useStyles();
  return (
    <div className={styles.count} role="status" aria-live="polite" aria-atomic="true">
      {everyone && <Caption1 block>{t("criteria.everyone")}</Caption1>}
      <Text weight="semibold" data-testid="live-count">
        {countText(t, kind, count)}
      </Text>
    </div>
  );
};
