import {
  Button,
  Caption1,
  Tab,
  TabList,
  Text,
  Tooltip,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowLeftRegular } from "@fluentui/react-icons";
import { useT } from "../i18n/use-t";
import type { MessageKey } from "../i18n/en-US";
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
import { segmentTabs, type SegmentTab } from "./routes";
import { ViewSlot } from "./view-slot";
import { useFormat } from "../i18n/use-format";
import { useMemo, useState } from "react";
import { GoToFixProvider, type FixTarget, type GoToFix } from "../ui/go-to-fix";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  title: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  name: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1 },
  ellipsis: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  // Six tabs in Danish are wider than a 350 px pane: they scroll rather than wrap or clip.
  tabs: { overflowX: "auto", marginLeft: `calc(-1 * ${tokens.spacingHorizontalXS})` },
  tab: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
});

const TAB_LABEL: Record<SegmentTab, MessageKey> = {
  lines: "shell.tab.lines",
  criteria: "shell.tab.criteria",
  letter: "shell.tab.letter",
  preview: "shell.tab.preview",
  merge: "shell.tab.merge",
  log: "shell.tab.log",
};

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

/** One open segment: its name, the tabs, and the tab's view (each loaded when first shown). */
export const SegmentWorkspace = ({
  no,
  tab,
  onTab,
  onBack,
  onOpenSegment,
}: SegmentWorkspaceProps) => {
  const t = useT();
  const styles = useStyles();
  const [pendingField, setPendingField] = useState<FixTarget["field"]>();
  const goToFix = useMemo<GoToFix>(
    () => ({
      goTo: (target) => {
        setPendingField(target.field);
        onTab(target.tab);
      },
      pendingField,
      fieldShown: () => setPendingField(undefined),
    }),
    [onTab, pendingField],
  );
  return (
    <OpenSegmentProvider no={no}>
      <GoToFixProvider value={goToFix}>
        <div className={styles.root}>
          <Title onBack={onBack} />
          <div className={styles.tabs}>
            <TabList
              size="small"
              selectedValue={tab}
              onTabSelect={(_, d) => onTab(d.value as SegmentTab)}
              aria-label={t("shell.segmentTabs")}
            >
              {segmentTabs.map((value) => (
                <Tab key={value} value={value} id={`tab-${value}`} className={styles.tab}>
                  {t(TAB_LABEL[value])}
                </Tab>
              ))}
            </TabList>
          </div>
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
            <ViewSlot name={`${no}/${tab}`}>
              {tab === "lines" && <SegmentLinesView />}
              {tab === "criteria" && <CriteriaView />}
              {tab === "letter" && <LetterView segmentNo={no} />}
              {tab === "preview" && <PreviewView segmentNo={no} />}
              {tab === "merge" && <MergeView segmentNo={no} />}
              {tab === "log" && <LogView onOpenSegment={onOpenSegment} />}
            </ViewSlot>
          </div>
        </div>
      </GoToFixProvider>
    </OpenSegmentProvider>
  );
};
