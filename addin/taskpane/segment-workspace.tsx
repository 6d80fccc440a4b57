import { Button, Caption1, Text, Tooltip, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowLeftRegular } from "@fluentui/react-icons";
import { useT } from "../i18n/use-t";
import { SegmentLetterProvider } from "../features/letter/segment-letter";
import { OpenSegmentProvider, useOpenSegment } from "../features/segments/open-segment";
import { SegmentStatusBadge } from "../features/segments/segment-status-badge";
import {
  CriteriaView,
  LetterView,
  LogView,
  MergeView,
  PreviewView,
  SegmentLinesView,
} from "./lazy-views";
import type { SegmentTab } from "./routes";
import { SegmentTabs } from "./segment-tabs";
import { ViewSlot } from "./view-slot";
import { useConfirmLeave } from "../ui/unsaved-changes";
import { useFormat } from "../i18n/use-format";
import { useMemo, useState } from "react";
import { GoToFixProvider, type FixTarget, type GoToFix } from "../ui/go-to-fix";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  title: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  name: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1 },
  ellipsis: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
});

export interface SegmentWorkspaceProps {
  readonly no: string;
  readonly tab: SegmentTab;
  readonly onTab: (tab: SegmentTab) => void;
  readonly onBack: () => void;
  readonly onOpenSegment: (no: string) => void;
}

const Title = ({ onBack }: { onBack: () => void }) => {
  const t = useT();
  const format = useFormat();
  const styles = useStyles();
  const { segment } = useOpenSegment();
  return (
    <div className={styles.title}>
      <Tooltip content={t("shell.back")} relationship="label">
        <Button size="small" appearance="subtle" icon={<ArrowLeftRegular />} onClick={onBack} />
      </Tooltip>
      <div className={styles.name}>
        <Text as="h2" weight="semibold" className={styles.ellipsis} style={{ margin: 0 }}>
          {`${segment.no} ${segment.description}`}
        </Text>
        <Caption1>
          {t("shell.segmentSummary", { lines: segment.noOfLines, date: format.date(segment.date) })}
        </Caption1>
      </div>
      <SegmentStatusBadge segment={segment} />
    </div>
  );
};

const Workspace = ({ no, tab, onTab, onBack, onOpenSegment }: SegmentWorkspaceProps) => {
  const styles = useStyles();
  // Details typed on the Lines tab live only in that tab's form: the shell asks before any way
  // out (a tab, back, the top navigation, another segment); a fix elsewhere asks before it sets
  // the field to show.
  const confirmLeave = useConfirmLeave();
  const [pendingField, setPendingField] = useState<FixTarget["field"]>();
  const goToFix = useMemo<GoToFix>(
    () => ({
      goTo: (target) => {
        const go = () => {
          setPendingField(target.field);
          onTab(target.tab);
        };
        if (target.tab === tab) go();
        else confirmLeave(go);
      },
      pendingField,
      fieldShown: () => setPendingField(undefined),
    }),
    [onTab, pendingField, tab, confirmLeave],
  );
  return (
    <GoToFixProvider value={goToFix}>
      <div className={styles.root}>
        <Title onBack={onBack} />
        <SegmentTabs no={no} tab={tab} onTab={(next) => next !== tab && onTab(next)} />
        <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
          {/* Outside Word the letter is the segment's own, kept on the server, for every tab. */}
          <SegmentLetterProvider no={no}>
            <ViewSlot name={`${no}/${tab}`}>
              {tab === "lines" && <SegmentLinesView />}
              {tab === "criteria" && <CriteriaView />}
              {tab === "letter" && <LetterView segmentNo={no} />}
              {tab === "preview" && <PreviewView segmentNo={no} />}
              {tab === "merge" && <MergeView segmentNo={no} />}
              {tab === "log" && <LogView onOpenSegment={onOpenSegment} />}
            </ViewSlot>
          </SegmentLetterProvider>
        </div>
      </div>
    </GoToFixProvider>
  );
};

/** One open segment: its name, the tabs, and the tab's view (each loaded when first shown). */
export const SegmentWorkspace = (props: SegmentWorkspaceProps) => (
  <OpenSegmentProvider no={props.no}>
    <Workspace {...props} />
  </OpenSegmentProvider>
);
