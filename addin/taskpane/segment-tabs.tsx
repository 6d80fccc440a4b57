import {
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from "@fluentui/react-components";
import { MoreHorizontalRegular } from "@fluentui/react-icons";
import type { MessageKey } from "../i18n/en-US";
import { useFormat } from "../i18n/use-format";
import { useT } from "../i18n/use-t";
import { useRunActivities, type RunActivity } from "../ui/pane-runs";
import { useVisuallyHidden } from "../ui/visually-hidden";
import { runTab, segmentTabs, type SegmentTab } from "./routes";

const useStyles = makeStyles({
  // The list never grows wider than the pane: what does not fit goes to the menu.
  bar: {
    display: "flex",
    alignItems: "center",
    minWidth: 0,
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalXS})`,
  },
  tabs: { minWidth: 0, overflow: "hidden", flexShrink: 1 },
  tab: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
  more: { display: "flex", alignItems: "center" },
});

const RUNNING: Record<RunActivity["kind"], { count: MessageKey; open: MessageKey }> = {
  merge: { count: "shell.tab.running.merge", open: "shell.tab.runningOpen.merge" },
  log: { count: "shell.tab.running.log", open: "shell.tab.runningOpen.log" },
  apply: { count: "shell.tab.running.apply", open: "shell.tab.runningOpen.apply" },
};

/** The id of the hidden text that describes a tab whose run is going on. */
const runningId = (tab: SegmentTab) => `tab-${tab}-running`;

/** The open segment's runs, by the tab that shows each. */
const useRunningTabs = (no: string): Partial<Record<SegmentTab, RunActivity>> => {
  const running: Partial<Record<SegmentTab, RunActivity>> = {};
  for (const activity of useRunActivities())
    if (activity.segmentNo === no && !activity.ended) running[runTab[activity.kind]] = activity;
  return running;
};

/** Read where a running tab is described ("Merge running: 1,204 of 3,229"); never shown. */
const RunningTexts = ({ running }: { running: Partial<Record<SegmentTab, RunActivity>> }) => {
  const t = useT();
  const format = useFormat();
  const hidden = useVisuallyHidden();
  return (
    <>
      {segmentTabs.map((tab) => {
        const activity = running[tab];
        if (!activity) return null;
        const text =
          activity.done !== undefined && activity.total !== undefined
            ? t(RUNNING[activity.kind].count, {
                done: format.number(activity.done),
                total: format.number(activity.total),
              })
            : t(RUNNING[activity.kind].open);
        return (
          <span key={tab} id={runningId(tab)} className={hidden.root}>
            {text}
          </span>
        );
      })}
    </>
  );
};

/** A small spinner beside a running tab's label; what it means is read from RunningTexts. */
const RunningMark = () => <Spinner size="extra-tiny" aria-hidden />;

/** True when one of the running tabs is in the "more" menu: the menu's button shows it then. */
const HiddenRunning = ({ tab }: { tab: SegmentTab }) =>
  useIsOverflowItemVisible(tab) ? null : <RunningMark />;

const TAB_LABEL: Record<SegmentTab, MessageKey> = {
  lines: "shell.tab.lines",
  criteria: "shell.tab.criteria",
  letter: "shell.tab.letter",
  preview: "shell.tab.preview",
  merge: "shell.tab.merge",
  log: "shell.tab.log",
};

const OverflowMenuItem = ({
  tab,
  running,
  onTab,
}: {
  tab: SegmentTab;
  running: boolean;
  onTab: (tab: SegmentTab) => void;
}) => {
  const t = useT();
  const visible = useIsOverflowItemVisible(tab);
  if (visible) return null;
  return (
    <MenuItem
      onClick={() => onTab(tab)}
      {...(running
        ? { "aria-describedby": runningId(tab), secondaryContent: <RunningMark /> }
        : {})}
    >
      {t(TAB_LABEL[tab])}
    </MenuItem>
  );
};

const OverflowMenu = ({
  running,
  onTab,
}: {
  running: Partial<Record<SegmentTab, RunActivity>>;
  onTab: (tab: SegmentTab) => void;
}) => {
  const t = useT();
  const styles = useStyles();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  const runningTabs = segmentTabs.filter((tab) => running[tab]);
  return (
    <Menu hasIcons={false}>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton
          ref={ref}
          size="small"
          appearance="transparent"
          icon={<MoreHorizontalRegular />}
          menuIcon={null}
          aria-label={t("shell.tab.more", { count: overflowCount })}
          {...(runningTabs.length > 0
            ? { "aria-describedby": runningTabs.map(runningId).join(" ") }
            : {})}
        >
          {/* Beside the icon, not in its fixed-size slot, where it would squeeze the dots. */}
          {runningTabs.length > 0 && (
            <span className={styles.more}>
              {runningTabs.map((tab) => (
                <HiddenRunning key={tab} tab={tab} />
              ))}
            </span>
          )}
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {segmentTabs.map((tab) => (
            <OverflowMenuItem key={tab} tab={tab} running={!!running[tab]} onTab={onTab} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
};

export interface SegmentTabsProps {
  /** The open segment: its runs (a merge, a Log, a template) mark their tabs while they go on. */
  readonly no: string;
  readonly tab: SegmentTab;
  readonly onTab: (tab: SegmentTab) => void;
}

/**
 * The open segment's six tabs. Danish labels at 350 px (and English at 320 px) do not fit on one
 * line: the tabs that do not fit move into a "more" menu (Fluent's Overflow), the selected tab
 * always stays in view, and no tab is ever cut to its first letter. A tab whose run goes on
 * (Merge, Log, and Lines while its Details apply a template) carries a small spinner, and so does
 * the menu's button when that tab is in it.
 */
export const SegmentTabs = ({ no, tab, onTab }: SegmentTabsProps) => {
  const t = useT();
  const styles = useStyles();
  const running = useRunningTabs(no);
  return (
    <Overflow minimumVisible={2}>
      {/* The menu button sits beside the tablist, not in it: a tablist holds only tabs. */}
      <div className={styles.bar}>
        <TabList
          size="small"
          className={styles.tabs}
          selectedValue={tab}
          onTabSelect={(_, d) => onTab(d.value as SegmentTab)}
          aria-label={t("shell.segmentTabs")}
        >
          {segmentTabs.map((value) => (
            <OverflowItem key={value} id={value} priority={value === tab ? 2 : 1}>
              <Tab
                value={value}
                id={`tab-${value}`}
                className={styles.tab}
                {...(running[value]
                  ? { icon: <RunningMark />, "aria-describedby": runningId(value) }
                  : {})}
              >
                {t(TAB_LABEL[value])}
              </Tab>
            </OverflowItem>
          ))}
        </TabList>
        <OverflowMenu running={running} onTab={onTab} />
        <RunningTexts running={running} />
      </div>
    </Overflow>
  );
};
