import {
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  makeStyles,
  tokens,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from "@fluentui/react-components";
import { MoreHorizontalRegular } from "@fluentui/react-icons";
import type { MessageKey } from "../i18n/en-US";
import { useT } from "../i18n/use-t";
import { segmentTabs, type SegmentTab } from "./routes";

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
});

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
  onTab,
}: {
  tab: SegmentTab;
  onTab: (tab: SegmentTab) => void;
}) => {
  const t = useT();
  const visible = useIsOverflowItemVisible(tab);
  if (visible) return null;
  return <MenuItem onClick={() => onTab(tab)}>{t(TAB_LABEL[tab])}</MenuItem>;
};

const OverflowMenu = ({ onTab }: { onTab: (tab: SegmentTab) => void }) => {
  const t = useT();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
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
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {segmentTabs.map((tab) => (
            <OverflowMenuItem key={tab} tab={tab} onTab={onTab} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
};

export interface SegmentTabsProps {
  readonly tab: SegmentTab;
  readonly onTab: (tab: SegmentTab) => void;
}

/**
 * The open segment's six tabs. Danish labels at 350 px (and English at 320 px) do not fit on one
 * line: the tabs that do not fit move into a "more" menu (Fluent's Overflow), the selected tab
 * always stays in view, and no tab is ever cut to its first letter.
 */
export const SegmentTabs = ({ tab, onTab }: SegmentTabsProps) => {
  const t = useT();
  const styles = useStyles();
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
              <Tab value={value} id={`tab-${value}`} className={styles.tab}>
                {t(TAB_LABEL[value])}
              </Tab>
            </OverflowItem>
          ))}
        </TabList>
        <OverflowMenu onTab={onTab} />
      </div>
    </Overflow>
  );
};
